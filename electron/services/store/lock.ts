/**
 * One process per workspace. `workspace.lock` is created exclusively (O_EXCL) and holds the owner's
 * pid, host and a random token. A lock whose process is gone (same host, kill(pid, 0) → ESRCH) was
 * left by a crash and is taken over; a live owner means WORKSPACE_BUSY. Release removes the file
 * only if it is still ours.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { fsyncDir, ioError, writeFully } from './durableFs';

export const LOCK_FILE = 'workspace.lock';
// A lock file without readable content is a crash between create and write, unless it is this
// young, in which case its owner is probably still writing it.
const UNREADABLE_GRACE_MS = 5_000;

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  token: string;
}

export interface WorkspaceLock {
  release(): void;
}

export function acquireLock(dir: string): WorkspaceLock {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), token: crypto.randomBytes(8).toString('hex') };
  // Two rounds: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, mine)) return { release: () => release(file, mine.token) };
    const holder = readLock(file);
    if (holder === 'gone') continue;
    if (holder === 'unreadable') {
      const age = Date.now() - fs.statSync(file).mtimeMs;
      if (age < UNREADABLE_GRACE_MS) throw busy(null);
    } else if (isAlive(holder)) {
      throw busy(holder);
    }
    fs.rmSync(file, { force: true });
  }
  throw busy(null);
}

function tryCreate(file: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') {
      throw new AppError('WORKSPACE_MISSING', `档案库文件夹 ${path.dirname(file)} 不存在。请检查档案库文件夹设置。`);
    }
    throw ioError(err, file);
  }
  try {
    writeFully(fd, Buffer.from(JSON.stringify(info)));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncDir(path.dirname(file));
  return true;
}

function readLock(file: string): LockInfo | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.hostname === 'string') {
      return { pid: v.pid, hostname: v.hostname, startedAt: String(v.startedAt ?? ''), token: String(v.token ?? '') };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

function isAlive(holder: LockInfo): boolean {
  // On another computer (a shared folder) we cannot check the process: assume it is alive.
  if (holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function busy(holder: LockInfo | null): AppError {
  if (holder && holder.hostname !== os.hostname()) {
    return new AppError(
      'WORKSPACE_BUSY',
      `该档案库正被另一台计算机使用（${holder.hostname}，进程 ${holder.pid}）。请先在那台计算机上关闭程序，再重试。`,
      { pid: holder.pid, hostname: holder.hostname },
    );
  }
  const pid = holder ? String(holder.pid) : '未知';
  return new AppError('WORKSPACE_BUSY', `该档案库正被另一个程序使用（进程 ${pid}）。请先关闭另一个窗口或程序，再重试。`, holder ? { pid: holder.pid } : undefined);
}

function release(file: string, token: string): void {
  const holder = readLock(file);
  if (typeof holder === 'object' && holder.token === token) fs.rmSync(file, { force: true });
}
