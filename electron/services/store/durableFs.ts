/**
 * Durable file operations. A file that must survive a crash is written to a temp name in the same
 * folder, fsync'd, renamed over the final name, and then the folder is fsync'd so the rename
 * itself is on disk. Temp names start with the final name and end in `.tmp-<random>` so an open
 * can recognise (and, once the workspace has opened, sweep) leftovers from a crash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export const TEMP_MARK = '.tmp-';

export function tempNameFor(finalPath: string): string {
  return `${finalPath}${TEMP_MARK}${crypto.randomBytes(6).toString('hex')}`;
}

export function isTempName(name: string): boolean {
  return name.includes(TEMP_MARK);
}

/** fsync a directory so renames/creations in it are durable. Windows cannot open folders: skip. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes all of `data` at the fd's position (writeSync may write less than asked). */
export function writeFully(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
}

/** Atomically replaces `finalPath` with `data` (temp + fsync + rename + fsync dir). */
export function writeFileAtomic(finalPath: string, data: Uint8Array | string): void {
  const tmp = tempNameFor(finalPath);
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      writeFully(fd, buf);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, finalPath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw ioError(err, finalPath);
  }
  fsyncDir(path.dirname(finalPath));
}

/** Maps a Node fs error to an AppError the user can act on (disk full, no permission, …). */
export function ioError(err: unknown, file: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(file);
  switch (code) {
    case 'ENOSPC':
      return new AppError('IO', `磁盘空间已满，无法写入 ${name}。请清理磁盘空间后重试。`, { file, code });
    case 'EACCES':
    case 'EPERM':
      return new AppError('IO', `没有写入 ${name} 的权限。请检查档案库文件夹的访问权限后重试。`, { file, code });
    case 'EROFS':
      return new AppError('IO', `档案库所在磁盘是只读的，无法写入 ${name}。请换一个可写的位置。`, { file, code });
    default: {
      const message = err instanceof Error ? err.message : String(err);
      return new AppError('IO', `写入 ${name} 失败（${code ?? message}）。请检查磁盘后重试。`, { file, code });
    }
  }
}
