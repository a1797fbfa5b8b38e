/** Workspace settings stored (encrypted) in the catalogue. */
import { readSetting } from '../db/queries/settings';
import { writeSetting } from '../db/queries/settings';
import type { Reader } from '../store/api';
import type { DomainContext } from './context';
import { writeAudited } from './write';

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export function idleLockMinutes(db: Reader): number {
  return readSetting<number>(db, 'idleLockMinutes') ?? DEFAULT_IDLE_LOCK_MINUTES;
}

export function setIdleLockMinutes(ctx: DomainContext, minutes: number): void {
  const before = idleLockMinutes(ctx.store);
  writeAudited(ctx, (tx) => {
    writeSetting(tx, 'idleLockMinutes', minutes);
    return { value: null, audit: { action: 'settings.update', entity: 'settings', entityId: 'idleLockMinutes', before, after: minutes } };
  });
}
