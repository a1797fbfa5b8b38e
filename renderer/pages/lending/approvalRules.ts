/**
 * Whether the signed-in supervisor may decide a request now, and if not, why — so the button is
 * disabled with the reason on screen. The services apply the same rules and refuse anyway.
 */
import type { LendingRequestDetail } from '../../../shared/lendingTypes';

export function approvalBlocker(r: Pick<LendingRequestDetail, 'status' | 'enteredByUserId' | 'approvals' | 'levelsRequired'>, userId: number): string | null {
  if (r.enteredByUserId === userId) return '这份申请是您本人登记的：登记人不得审批自己登记的申请，请交由其他主管审批。';
  if (r.status === 'rejected') return '这份申请已被驳回，不能再审批。';
  if (r.status === 'expired') return '这份申请的审批已过期失效，不能再审批。';
  if (r.status === 'cancelled') return '这份申请已撤销，不能审批。';
  if (r.status !== 'pending') return '这份申请已审批完毕，无需再审批。';
  if (r.approvals.some((a) => a.byUserId === userId)) return '您已审批过第一级：第二级审批须由另一位主管进行。';
  return null;
}

/** "第一级审批" / "第二级审批" for the level that would be decided next. */
export function nextLevelLabel(r: Pick<LendingRequestDetail, 'approvals' | 'levelsRequired'>): string {
  if (r.levelsRequired < 2) return '审批';
  return r.approvals.length === 0 ? '第一级审批' : '第二级审批';
}
