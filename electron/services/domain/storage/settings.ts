/** Storage settings: one JSON row, defaults filled in, saved with an audit entry. */
import type { ReserveRule, StorageSettings } from '../../../../shared/storageTypes';
import * as q from '../../db/queries/storageLayout';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';

const KEY = 'settings';

export const DEFAULT_STORAGE_SETTINGS: StorageSettings = {
  defaultVolumeThicknessMm: 15,
  defaultReserve: { mode: 'percent', value: 20 },
  reserves: {},
  // Dalian's 15 m² per 10,000 volumes is the default; Shenyang uses 20.
  compliance: { areaM2Per10k: 15, volumesPerKeeper: 10000, keepers: 0 },
  // A common A4 sheet: 3 × 8 labels of 70 × 37 mm.
  labelGrid: { columns: 3, rows: 8, marginTopMm: 0.5, marginLeftMm: 0, gapXMm: 0, gapYMm: 0, labelWidthMm: 70, labelHeightMm: 37 },
};

export function readStorageSettings(r: Reader): StorageSettings {
  const raw = q.getSetting(r, KEY);
  const saved = raw ? (JSON.parse(raw) as Partial<StorageSettings>) : {};
  const d = DEFAULT_STORAGE_SETTINGS;
  return {
    defaultVolumeThicknessMm: saved.defaultVolumeThicknessMm ?? d.defaultVolumeThicknessMm,
    defaultReserve: saved.defaultReserve ?? d.defaultReserve,
    reserves: saved.reserves ?? {},
    compliance: { ...d.compliance, ...saved.compliance },
    labelGrid: { ...d.labelGrid, ...saved.labelGrid },
  };
}

export interface SettingsPatch {
  defaultVolumeThicknessMm?: number | undefined;
  defaultReserve?: ReserveRule | undefined;
  reserves?: Record<string, ReserveRule | null> | undefined;
  compliance?: Partial<StorageSettings['compliance']> | undefined;
  labelGrid?: Partial<StorageSettings['labelGrid']> | undefined;
}

export function saveStorageSettings(ctx: DomainContext, patch: SettingsPatch): StorageSettings {
  return writeAudited(ctx, (tx) => {
    const before = readStorageSettings(tx);
    const reserves = { ...before.reserves };
    for (const [k, v] of Object.entries(patch.reserves ?? {})) {
      if (v === null) delete reserves[k];
      else reserves[k] = v;
    }
    const strip = <T extends object>(o: T | undefined): Partial<T> => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
    const after: StorageSettings = {
      defaultVolumeThicknessMm: patch.defaultVolumeThicknessMm ?? before.defaultVolumeThicknessMm,
      defaultReserve: patch.defaultReserve ?? before.defaultReserve,
      reserves,
      compliance: { ...before.compliance, ...strip(patch.compliance) },
      labelGrid: { ...before.labelGrid, ...strip(patch.labelGrid) },
    };
    q.putSetting(tx, KEY, JSON.stringify(after));
    return { value: after, audit: { action: 'storage.settings', entity: 'storage_settings', entityId: KEY, before, after } };
  });
}

export function reserveRuleFor(s: StorageSettings, communityId: number): ReserveRule {
  return s.reserves[String(communityId)] ?? s.defaultReserve;
}
