/** Labels for a held file's state and a request's state, as the room says them. */
import type { LendableFile } from '../../../shared/lendingTypes';

export const FILE_STATUS_LABELS: Record<LendableFile['status'], string> = {
  held: '在库',
  on_loan: '已借出',
  digitizing: '数字化中',
  transferred_out: '已转出',
};
