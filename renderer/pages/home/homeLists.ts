/** Which of my requests still need something done (waiting for approval, to be executed, or out). */
import type { LendingRequestSummary } from '../../../shared/lendingTypes';

const OPEN = new Set<LendingRequestSummary['status']>(['pending', 'approved', 'in_use']);

export function inProgress(rows: LendingRequestSummary[]): LendingRequestSummary[] {
  // Overdue first, then oldest first: what has waited longest is dealt with first.
  return rows.filter((r) => OPEN.has(r.status)).sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.enteredAt.localeCompare(b.enteredAt));
}
