/** Contract area: intake batches (接收批次), roster import, desk counts, findings and decisions, acceptance and numbering, receipts, ledger. */
import { method } from './common';

// Placeholder so the area is wired before its methods exist; the area's owner replaces this.
void method;

export const intakeContract = {} as const;
