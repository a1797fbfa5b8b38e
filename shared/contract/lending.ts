/** Contract area: lookups and loans (查借阅) — requests, approval, check-out and return, digital viewing, transfers out. */
import { method } from './common';

// Placeholder so the area is wired before its methods exist; the area's owner replaces this.
void method;

export const lendingContract = {} as const;
