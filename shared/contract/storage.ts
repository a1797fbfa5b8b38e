/** Contract area: storage — rooms, shelving units, placement, locate, capacity dashboard, labels, stocktaking (盘点). */
import { method } from './common';

// Placeholder so the area is wired before its methods exist; the area's owner replaces this.
void method;

export const storageContract = {} as const;
