/** What every CLI command shares: its option values, a core on --data, typed calls, signing in. */
import path from 'node:path';
import { AppError, fromErrorPayload, type Result } from '../../../shared/errors';
import type { Input, MethodName, Output as Out } from '../../../shared/contract';
import { Core } from '../core/core';
import type { Output } from './output';
import { readSecret } from './password';

export type Values = Record<string, string | boolean | undefined>;
export type Command = (v: Values, out: Output) => Promise<number>;

const SESSION = 'cli';
export const VERSION = process.env.npm_package_version ?? '0.1.0';

export function need(v: Values, name: string): string {
  const x = v[name];
  if (typeof x !== 'string' || x.trim() === '') throw new AppError('VALIDATION', `缺少参数 --${name}。运行不带参数的命令可查看用法。`);
  return x.trim();
}

export function coreFor(v: Values): Core {
  const dir = path.resolve(need(v, 'data'));
  return new Core({ mode: 'cli', userDataDir: path.dirname(dir), workspaceDir: dir, version: VERSION });
}

export async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Out<M>> {
  const r = (await core.call(SESSION, method, input)) as Result<Out<M>>;
  if (!r.ok) throw fromErrorPayload(r.error);
  return r.value;
}

/** Signs in as --user, or as the first admin, with ARCHIVE_PASSWORD or stdin. */
export async function signIn(core: Core, v: Values): Promise<void> {
  const password = await readSecret('ARCHIVE_PASSWORD', '密码：');
  const user = typeof v.user === 'string' ? v.user : await core.workspace.firstAdminName(password);
  await call(core, 'session.login', { name: user, password });
}

/** Opens a core on --data, signs in, runs fn, always closes (releasing the workspace lock). */
export async function withSession(v: Values, fn: (core: Core) => Promise<number>): Promise<number> {
  const core = coreFor(v);
  try {
    await signIn(core, v);
    return await fn(core);
  } finally {
    await core.close();
  }
}

