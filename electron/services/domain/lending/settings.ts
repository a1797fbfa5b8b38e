/** Lending settings (借阅期限, 二级审批, 审批有效期, 催还通知, 本馆名称), kept as one settings entry. */
import type { LendingSettings } from '../../../../shared/lendingTypes';
import { readSetting, writeSetting } from '../../db/queries/settings';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';

const KEY = 'lending';

export const DEFAULT_LENDING_SETTINGS: LendingSettings = {
  loanLimitDays: 7,
  secondLevelApproval: false,
  approvalExpiryDays: 7,
  reminderText:
    '贵单位经办人借阅的下列档案已超过应还日期。根据档案管理规定，借出档案须按期归还，请接到本通知后尽快派经办人将档案送还，如需延期请办理续借手续。',
  archiveUnit: '退休人员档案室',
};

export function lendingSettings(db: Reader): LendingSettings {
  return { ...DEFAULT_LENDING_SETTINGS, ...(readSetting<Partial<LendingSettings>>(db, KEY) ?? {}) };
}

export function updateLendingSettings(ctx: DomainContext, patch: Partial<LendingSettings>): LendingSettings {
  const before = lendingSettings(ctx.store);
  const after: LendingSettings = { ...before };
  for (const [k, v] of Object.entries(patch) as [keyof LendingSettings, unknown][]) {
    if (v !== undefined) (after as unknown as Record<string, unknown>)[k] = v;
  }
  return writeAudited(ctx, (tx) => {
    writeSetting(tx, KEY, after);
    return { value: after, audit: { action: 'settings.update', entity: 'settings', entityId: KEY, before, after } };
  });
}
