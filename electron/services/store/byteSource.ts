/** Random-access bytes: a whole file, a slice of a backup file, or a buffer already in memory. */
import fs from 'node:fs';

export interface ByteSource {
  readonly size: number;
  read(pos: number, len: number): Buffer;
}

export function bufferSource(buf: Buffer): ByteSource {
  return { size: buf.length, read: (pos, len) => buf.subarray(pos, Math.min(buf.length, pos + len)) };
}

/** A region [base, base+size) of an open file descriptor. */
export function fdSource(fd: number, base: number, size: number): ByteSource {
  return {
    size,
    read(pos, len) {
      const n = Math.max(0, Math.min(len, size - pos));
      const out = Buffer.allocUnsafe(n);
      let done = 0;
      while (done < n) {
        const got = fs.readSync(fd, out, done, n - done, base + pos + done);
        if (got === 0) break;
        done += got;
      }
      return done === n ? out : out.subarray(0, done);
    },
  };
}

/** Opens `file`, hands a source over its whole content to `fn`, always closes. */
export function withFileSource<T>(file: string, fn: (src: ByteSource) => T): T {
  const fd = fs.openSync(file, 'r');
  try {
    return fn(fdSource(fd, 0, fs.fstatSync(fd).size));
  } finally {
    fs.closeSync(fd);
  }
}
