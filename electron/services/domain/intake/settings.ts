/** Intake settings: the numbering pattern, 接收单位名称, default thickness, check limits (stored in settings). */
import type { IntakeSettings, NumberingSettings } from '../../../../shared/intakeTypes';
import { listCommunities } from '../../db/queries/communities';
import { lastSeqs } from '../../db/queries/intakeHoldings';
import { readSetting, writeSetting } from '../../db/queries/settings';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { DEFAULT_NUMBERING, formatArchiveNo } from './archiveNumbers';

const KEY = 'intake';

export type StoredIntakeSettings = Omit<IntakeSettings, 'preview'>;

export const DEFAULT_INTAKE_SETTINGS: StoredIntakeSettings = {
  numbering: DEFAULT_NUMBERING,
  archiveUnit: '人力资源和社会保障局档案室',
  defaultThicknessMm: 15,
  skewLimitDegrees: 1,
  readPageNumbers: true,
};

export function intakeSettings(db: Reader): StoredIntakeSettings {
  const s = readSetting<Partial<StoredIntakeSettings>>(db, KEY) ?? {};
  return { ...DEFAULT_INTAKE_SETTINGS, ...s, numbering: { ...DEFAULT_NUMBERING, ...s.numbering } };
}

export function withPreview(db: Reader, s: StoredIntakeSettings): IntakeSettings {
  const seqs = lastSeqs(db);
  const preview = listCommunities(db)
    .slice(0, 20)
    .map((c) => ({
      communityId: c.id,
      community: `${c.townName} ${c.name}`,
      next: formatArchiveNo(s.numbering, { townCode: c.townCode, communityCode: c.code }, (seqs.get(c.id) ?? 0) + 1),
    }));
  return { ...s, preview };
}

export interface IntakeSettingsPatch {
  numbering?: Partial<{ [K in keyof NumberingSettings]: NumberingSettings[K] | undefined }> | undefined;
  archiveUnit?: string | undefined;
  defaultThicknessMm?: number | undefined;
  skewLimitDegrees?: number | undefined;
  readPageNumbers?: boolean | undefined;
}

function defined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function updateIntakeSettings(ctx: DomainContext, patch: IntakeSettingsPatch): IntakeSettings {
  const before = intakeSettings(ctx.store);
  const { numbering, ...rest } = patch;
  const after: StoredIntakeSettings = { ...before, ...defined(rest), numbering: { ...before.numbering, ...defined(numbering) } };
  writeAudited(ctx, (tx) => {
    writeSetting(tx, KEY, after);
    return { value: null, audit: { action: 'intake.settings.update', entity: 'settings', entityId: KEY, before, after } };
  });
  return withPreview(ctx.store, after);
}
