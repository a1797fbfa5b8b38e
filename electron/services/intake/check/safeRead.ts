/** Reads a file from an untrusted package: never through a symlink, only regular files, size-capped. */
import fs from 'node:fs/promises';
import fsSync, { constants } from 'node:fs';

export type SafeReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'symlink' | 'not-file' | 'too-large' | 'io'; size?: number; message?: string };

export async function readUntrusted(file: string, maxBytes: number): Promise<SafeReadResult> {
  let handle: fs.FileHandle;
  try {
    // O_NOFOLLOW: a file swapped for a link after the scan is refused, not followed.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'symlink' };
    return { ok: false, reason: 'io', message: (err as Error).message };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: 'not-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < stat.size) {
      const { bytesRead } = await handle.read(bytes, at, stat.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return { ok: true, bytes: at === stat.size ? bytes : bytes.subarray(0, at) };
  } catch (err) {
    return { ok: false, reason: 'io', message: (err as Error).message };
  } finally {
    await handle.close();
  }
}

/**
 * The same, synchronously: for the check's worker threads, where blocking costs nothing and an
 * async read would queue behind the image decodes on libuv's small thread pool.
 */
export function readUntrustedSync(file: string, maxBytes: number): SafeReadResult {
  let fd: number;
  try {
    fd = fsSync.openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'symlink' };
    return { ok: false, reason: 'io', message: (err as Error).message };
  }
  try {
    const stat = fsSync.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < stat.size) {
      const n = fsSync.readSync(fd, bytes, at, stat.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, bytes: at === stat.size ? bytes : bytes.subarray(0, at) };
  } catch (err) {
    return { ok: false, reason: 'io', message: (err as Error).message };
  } finally {
    fsSync.closeSync(fd);
  }
}
