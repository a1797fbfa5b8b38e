/** Shared helpers for the store tests: real temp workspaces, file hashing, error capture. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { createKeyring, createStore, generateDataKey, RECOVERY_SLOT, type OpenedStore, type StoreOptions } from '../../electron/services/store/index';

const made: string[] = [];

export function tempDir(prefix = 'adstore-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface Workspace {
  dir: string;
  key: Buffer;
  store: OpenedStore;
}

/** A new workspace with one table `t(id, v, b)`. */
export async function newWorkspace(opts: StoreOptions = {}): Promise<Workspace> {
  const dir = path.join(tempDir(), 'ws');
  const ring = createKeyring(dir);
  const key = generateDataKey();
  ring.setSlot(RECOVERY_SLOT, 'secret', key);
  const store = await createStore(dir, ring, key, opts);
  store.write((tx) => tx.run('CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL, b BLOB)'));
  return { dir, key, store };
}

export function insertRows(store: OpenedStore, from: number, count: number): void {
  for (let i = from; i < from + count; i++) store.write((tx) => tx.run('INSERT INTO t(id, v) VALUES (?, ?)', [i, `row ${i}`]));
}

export function rowIds(store: OpenedStore): number[] {
  return store.all<{ id: number }>('SELECT id FROM t ORDER BY id').map((r) => r.id);
}

/** Every file under dir (relative path → sha256), to prove a failed open changed nothing. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function flipByte(file: string, offset: number): void {
  const buf = fs.readFileSync(file);
  const at = offset < 0 ? buf.length + offset : offset;
  buf[at] = (buf[at] ?? 0) ^ 0x40;
  fs.writeFileSync(file, buf);
}

/** Runs fn, expecting an AppError; returns it. */
export async function appError(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

export function filesMatching(dir: string, re: RegExp): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => re.test(n))
    .sort();
}
