/** A real core on a real temp workspace, with helpers that unwrap Results. */
import path from 'node:path';
import { expect } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import { fromErrorPayload, type ErrorPayload, type Result } from '../../shared/errors';
import { checkDigitFor } from '../../shared/idNumber';
import { Core } from '../../electron/services/core/core';
import { tempDir } from './temp';

export const ADMIN_PASSWORD = 'admin-password-1';

export interface Clock {
  now: Date;
  advance(ms: number): void;
}

export function testClock(start = '2026-11-21T08:00:00.000Z'): Clock {
  const clock = {
    now: new Date(start),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  return clock;
}

export function newCore(opts: { userDataDir?: string; clock?: Clock; workspaceDir?: string } = {}): Core {
  const userDataDir = opts.userDataDir ?? tempDir();
  const clock = opts.clock;
  return new Core({
    mode: 'cli',
    userDataDir,
    workspaceDir: opts.workspaceDir,
    version: 'test',
    now: clock ? () => clock.now : undefined,
  });
}

export async function ok<M extends MethodName>(core: Core, session: string, method: M, input: Input<M>): Promise<Output<M>> {
  const r = (await core.call(session, method, input)) as Result<Output<M>>;
  if (!r.ok) throw fromErrorPayload(r.error);
  return r.value;
}

export async function fails<M extends MethodName>(core: Core, session: string, method: M, input: Input<M>): Promise<ErrorPayload> {
  const r = await core.call(session, method, input);
  expect(r.ok, `${method} should have failed`).toBe(false);
  return (r as { ok: false; error: ErrorPayload }).error;
}

/** A valid 18-digit ID: region 110105, the given birth date, a sequence whose parity sets the sex. */
export function makeId(birth = '19550312', seq = '123'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + checkDigitFor(first17);
}

/** A workspace with an admin signed in on session 'admin', one town and one community. */
export async function seededCore(opts: { clock?: Clock } = {}) {
  const userDataDir = tempDir();
  const core = newCore({ userDataDir, clock: opts.clock });
  const created = await ok(core, 'admin', 'workspace.create', { adminName: 'admin', adminDisplayName: '王管理', password: ADMIN_PASSWORD });
  const town = await ok(core, 'admin', 'town.add', { code: '01', name: '城关街道' });
  const community = await ok(core, 'admin', 'community.add', { townId: town.id, code: '001', name: '东风社区' });
  return { core, userDataDir, workspaceDir: path.join(userDataDir, 'workspace'), recoveryKey: created.recoveryKey, town, community };
}
