/**
 * Typed errors a user can act on. Every error crossing the IPC boundary is one of these codes
 * with a Chinese message that says what is wrong and what to do.
 */
export type ErrorCode =
  | 'VALIDATION' // bad input from the user
  | 'NOT_FOUND'
  | 'CONFLICT' // duplicate, or state does not allow it
  | 'AUTH_FAILED' // wrong name or password
  | 'NOT_SIGNED_IN' // no session, or the session is locked
  | 'FORBIDDEN' // role does not allow this action
  | 'WORKSPACE_BUSY' // another process holds the workspace lock
  | 'WORKSPACE_MISSING' // no workspace at that folder / files missing
  | 'INTEGRITY' // tampered, truncated or corrupt data on disk
  | 'IO' // the disk refused (full, permissions)
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** Shape of an error once serialised across IPC / HTTP. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof AppError) {
    return err.details ? { code: err.code, message: err.message, details: err.details } : { code: err.code, message: err.message };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `程序内部错误：${message}。请记下此信息并联系管理员。` };
}

export function fromErrorPayload(p: ErrorPayload): AppError {
  return new AppError(p.code, p.message, p.details);
}

/** Exit code used by the CLI: 2 for integrity problems, 1 for everything a user can fix. */
export function exitCodeFor(code: ErrorCode): 1 | 2 {
  return code === 'INTEGRITY' ? 2 : 1;
}
