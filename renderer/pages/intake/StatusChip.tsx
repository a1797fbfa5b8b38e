/** A batch's status as a coloured chip: 登记 / 核验中 / 退回 / 已接收. */
import { BATCH_STATUS_LABELS, type IntakeBatchStatus } from '../../../shared/intakeTypes';

export function StatusChip({ status }: { status: IntakeBatchStatus }) {
  return (
    <span className={`ik-chip ik-chip-${status}`} data-testid="batch-status" data-status={status}>
      {BATCH_STATUS_LABELS[status]}
    </span>
  );
}
