/** Reads a file from an untrusted package: never through a symlink, only regular files, size-capped. */
import fs from 'node:fs/promises';
import fsSync, { constants } from 'node:fs';

export type SafeReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'symlink' | 'not-file' | 'too-large' | 'io'; size?: number; message?: string };

// O_NOFOLLOW: a file swapped for a link after the scan is refused, not followed.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function openFailure(err: unknown): SafeReadResult {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'symlink' };
  return { ok: false, reason: 'io', message: (err as Error).message };
}

/** Why a file may not be read, from its stat; null when it may. */
function refusal(stat: { isFile(): boolean; size: number }, maxBytes: number): SafeReadResult | null {
  if (!stat.isFile()) return { ok: false, reason: 'not-file' };
  if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
  return null;
}

const ioFailure = (err: unknown): SafeReadResult => ({ ok: false, reason: 'io', message: (err as Error).message });

export async function readUntrusted(file: string, maxBytes: number): Promise<SafeReadResult> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (err) {
    return openFailure(err);
  }
  try {
    const stat = await handle.stat();
    const refused = refusal(stat, maxBytes);
    if (refused) return refused;
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < stat.size) {
      const { bytesRead } = await handle.read(bytes, at, stat.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return { ok: true, bytes: at === stat.size ? bytes : bytes.subarray(0, at) };
  } catch (err) {
    return ioFailure(err);
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
    fd = fsSync.openSync(file, OPEN_FLAGS);
  } catch (err) {
    return openFailure(err);
  }
  try {
    const stat = fsSync.fstatSync(fd);
    const refused = refusal(stat, maxBytes);
    if (refused) return refused;
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < stat.size) {
      const n = fsSync.readSync(fd, bytes, at, stat.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, bytes: at === stat.size ? bytes : bytes.subarray(0, at) };
  } catch (err) {
    return ioFailure(err);
  } finally {
    fsSync.closeSync(fd);
  }
}
