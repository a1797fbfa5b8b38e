/**
 * The encrypted store's public surface, used by the domain services and the core.
 * Implementation: store.ts (sql.js + journal + snapshots), keyring.ts (key slots), blobStore.ts,
 * lock.ts, backup.ts, verify.ts. Everything here runs inside the core worker thread.
 *
 * Determinism rule: every write goes through `write()`, whose statements are journaled and replayed
 * on open. Statements must therefore be deterministic: pass times and random values as parameters,
 * never call datetime('now'), random() or similar inside SQL.
 */
import type { VerifyReport } from '../../../shared/types';

export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = SqlValue[] | Record<string, SqlValue>;

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/** Read access; also available inside a write transaction. */
export interface Reader {
  get<T = Record<string, SqlValue>>(sql: string, params?: SqlParams): T | undefined;
  all<T = Record<string, SqlValue>>(sql: string, params?: SqlParams): T[];
}

export interface Tx extends Reader {
  run(sql: string, params?: SqlParams): RunResult;
}

export interface BlobStore {
  /** Encrypts and stores; returns an opaque id (the file name reveals nothing about content). */
  put(data: Uint8Array): string;
  get(id: string): Buffer;
  has(id: string): boolean;
  delete(id: string): void;
  list(): string[];
}

export interface Store extends Reader {
  readonly dir: string;
  /**
   * Runs fn in one SQL transaction. On success the statements are appended to the journal as one
   * encrypted record and fsync'd BEFORE this returns: a returned value means the change is durable.
   * If fn throws, or the journal write fails, the transaction is rolled back and nothing is written.
   */
  write<T>(fn: (tx: Tx) => T): T;
  readonly blobs: BlobStore;
  /** Folds the journal into a new snapshot in a background worker; commits continue meanwhile. */
  snapshot(): Promise<void>;
  /** Verifies every snapshot, journal record and blob on disk (not the audit chain: the core does that). */
  verifyFiles(): Promise<VerifyReport>;
  /** Writes an encrypted, self-verifying backup file; returns its size in bytes. */
  backupTo(file: string): Promise<number>;
  close(): Promise<void>;
}

export interface Keyring {
  readonly workspaceId: string;
  hasSlot(slotId: string): boolean;
  /** Slot ids in the order they were first created (the CLI's default user is the first user slot). */
  slotIds(): string[];
  /** Unwraps the data key with a secret; throws AppError AUTH_FAILED on a wrong secret. */
  unwrap(slotId: string, secret: string): Buffer;
  /** Adds or replaces a slot that wraps `dataKey` under `secret` (atomic rewrite of the slots file). */
  setSlot(slotId: string, secret: string, dataKey: Buffer): void;
  removeSlot(slotId: string): void;
}
