/** 审批: first level, and a second when the request was filed under the two-level setting. */
import type { LendingRequestDetail } from '../../../../shared/lendingTypes';
import * as q from '../../db/queries/lending';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { localDay } from './dates';
import { REQUEST_ENTITY, requestDetail, requireRequest } from './read';
import { refusing } from './refusal';
import type { Clerk } from './requests';
import { approvalExpiresOn, effectiveStatus, levelToDecide } from './rules';
import { lendingSettings } from './settings';

export async function decideRequest(
  ctx: DomainContext,
  clerk: Clerk,
  id: number,
  decision: 'approved' | 'rejected',
  opinion: string,
): Promise<LendingRequestDetail> {
  const now = ctx.now();
  const today = localDay(now);
  const action = decision === 'approved' ? 'lending.approve' : 'lending.reject';
  return refusing(ctx, action, REQUEST_ENTITY, id, () => {
    const r = requireRequest(ctx.store, id);
    const approvals = q.approvalsOf(ctx.store, id);
    const level = levelToDecide({ status: effectiveStatus(r, today), enteredBy: r.enteredBy, levelsRequired: r.levelsRequired, approvals }, clerk.id);
    const at = now.toISOString();
    const final = decision === 'rejected' || level === r.levelsRequired;
    const expiresOn = approvalExpiresOn(today, lendingSettings(ctx.store).approvalExpiryDays);
    writeAudited(ctx, (tx) => {
      q.insertApproval(tx, id, { level, decision, opinion: opinion || (decision === 'approved' ? '同意' : ''), userId: clerk.id, userName: clerk.name, at });
      if (decision === 'rejected') q.setRequestState(tx, id, { status: 'rejected', at, closedAt: at });
      else if (final) q.setRequestState(tx, id, { status: 'approved', at, approvedAt: at, expiresOn });
      else q.setRequestState(tx, id, { status: 'pending', at, expiresOn });
      const label = `第${level === 1 ? '一' : '二'}级${decision === 'approved' ? '同意' : '驳回'}`;
      return {
        value: null,
        audit: { action, entity: REQUEST_ENTITY, entityId: id, after: { summary: opinion ? `${label}（${opinion}）` : label, level, final, expiresOn: decision === 'approved' ? expiresOn : null } },
      };
    });
    return requestDetail(ctx.store, id, today);
  });
}
