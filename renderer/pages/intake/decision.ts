/** Who may decide a batch, and why not: a clerk sees the reason next to the disabled 接收 button. */
import type { IntakeBatchDetail } from '../../../shared/intakeTypes';

/** Why the accept button is disabled for this user, or null when it is not. */
export function acceptDisabledReason(d: Pick<IntakeBatchDetail, 'counts' | 'runningJobs'>, canWrite: boolean, canOverride: boolean): string | null {
  if (!canWrite) return '您的角色只能查看，不能接收或退回。';
  if (d.counts.persons === 0) return '请先导入名册。';
  if (d.runningJobs.length > 0) return '核验仍在进行，请等它完成。';
  if (d.counts.findingsOpen > 0 && !canOverride) {
    return `还有 ${d.counts.findingsOpen} 个未处理的问题。请逐条处理（写明处理说明），或请主管决定是否仍然接收。`;
  }
  return null;
}
