/**
 * The renderer's only way to reach the services: one typed `call` over the contract in
 * shared/contract.ts. Electron: the preload bridge; browser mode: POST to the loopback server.
 * Every failure arrives as an AppError with a Chinese message the UI can show as is.
 */
import type { Input, MethodName, Output } from '../../shared/contract';
import { AppError, fromErrorPayload, type ErrorPayload, type Result } from '../../shared/errors';

/**
 * Same value as HTTP_CALL_PATH in shared/contract.ts (a test checks it). The contract is imported
 * for its types only: importing its values would pull zod and every schema into the UI bundle.
 */
export const CALL_PATH = '/api/call';

type NotSignedInListener = (err: AppError) => void;
const notSignedInListeners = new Set<NotSignedInListener>();

/** The app store subscribes here so any call that finds the session gone or locked re-routes the UI. */
export function onNotSignedIn(listener: NotSignedInListener): () => void {
  notSignedInListeners.add(listener);
  return () => notSignedInListeners.delete(listener);
}

function isErrorPayload(x: unknown): x is ErrorPayload {
  return typeof x === 'object' && x !== null && typeof (x as ErrorPayload).code === 'string' && typeof (x as ErrorPayload).message === 'string';
}

/** Checks the wire shape so a proxy page or a server crash becomes a readable error, not a TypeError. */
export function parseResult(body: unknown): Result<unknown> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const r = body as { ok: unknown; value?: unknown; error?: unknown };
    if (r.ok === true) return { ok: true, value: r.value ?? null };
    if (r.ok === false && isErrorPayload(r.error)) return { ok: false, error: r.error };
  }
  return { ok: false, error: { code: 'INTERNAL', message: '服务返回了无法识别的数据。请重新启动程序；如仍出现，请联系管理员。' } };
}

async function viaHttp(method: string, payload: unknown): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(CALL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ method, payload }),
    });
  } catch {
    return { ok: false, error: { code: 'IO', message: '无法连接到档案工作站服务。请确认程序仍在运行，然后刷新页面。' } };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    if (res.status === 401 || res.status === 403) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '此页面未获授权访问服务。请使用程序启动时给出的地址重新打开。' } };
    }
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回了错误（HTTP ${res.status}）。请重新启动程序；如仍出现，请联系管理员。` } };
  }
  return parseResult(body);
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const bridge = typeof window !== 'undefined' ? window.archiveDesk : undefined;
  let result: Result<unknown>;
  if (bridge) {
    try {
      result = parseResult(await bridge.call(method, input));
    } catch (e) {
      result = { ok: false, error: { code: 'INTERNAL', message: `调用服务失败：${e instanceof Error ? e.message : String(e)}。请重新启动程序。` } };
    }
  } else {
    result = await viaHttp(method, input);
  }
  if (result.ok) return result.value as Output<M>;
  const err = fromErrorPayload(result.error);
  if (err.code === 'NOT_SIGNED_IN') for (const l of notSignedInListeners) l(err);
  throw err;
}

/** A message fit to show a user for anything caught in the UI. */
export function errorMessage(e: unknown): string {
  if (e instanceof AppError) return e.message;
  if (e instanceof Error) return `程序出错：${e.message}`;
  return `程序出错：${String(e)}`;
}
