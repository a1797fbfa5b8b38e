/**
 * Snapshot files `snapshot-<coveredSeq 12 digits>.db.enc`: a 64-byte header followed by the sql.js
 * database image sealed with AES-256-GCM, the header being the associated data.
 *
 *   0  magic "ADSNAP01"     8  u32 format        12 u32 afterSegment (journal segments ≤ this are folded in)
 *   16 u64 coveredSeq       24 u64 sealedLen     32 workspace id (16 bytes)   48 key check (16 bytes)
 *
 * The key check (an HMAC of the workspace id under a subkey) tells "wrong key" apart from "changed
 * file". Encryption and decryption stream in chunks so a 300 MB database is never held twice.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { NONCE_LEN, TAG_LEN } from '../crypto/aead';
import { hmac, subkey } from '../crypto/subkeys';
import type { ByteSource } from './byteSource';
import { fsyncDir, ioError, tempNameFor, writeFully } from './durableFs';

const MAGIC = Buffer.from('ADSNAP01', 'latin1');
const FORMAT = 1;
export const SNAPSHOT_HEADER_LEN = 64;
const CHUNK = 4 * 1024 * 1024;
// Flushing as we go keeps dirty pages few, so the journal's fsync never waits behind hundreds of MB.
const SYNC_EVERY = 32 * 1024 * 1024;

export interface SnapshotKeys {
  enc: Buffer;
  keyCheck: Buffer;
}

export function snapshotKeys(dataKey: Uint8Array, workspaceId: string): SnapshotKeys {
  return {
    enc: subkey(dataKey, 'snapshot'),
    keyCheck: hmac(subkey(dataKey, 'key-check'), Buffer.from(workspaceId, 'hex')).subarray(0, 16),
  };
}

export interface SnapshotMeta {
  coveredSeq: number;
  afterSegment: number;
}

export interface SnapshotInfo extends SnapshotMeta {
  name: string;
}

export function snapshotName(coveredSeq: number): string {
  return `snapshot-${String(coveredSeq).padStart(12, '0')}.db.enc`;
}

const SNAPSHOT_RE = /^snapshot-(\d{12})\.db\.enc$/;

/** Snapshot file names in `dir`, newest (highest coveredSeq) first; temp files excluded. */
export function listSnapshots(dir: string): { name: string; seq: number }[] {
  const out: { name: string; seq: number }[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = SNAPSHOT_RE.exec(name);
    if (m) out.push({ name, seq: Number(m[1]) });
  }
  return out.sort((a, b) => b.seq - a.seq);
}

function header(meta: SnapshotMeta, sealedLen: number, workspaceId: string, keys: SnapshotKeys): Buffer {
  const h = Buffer.alloc(SNAPSHOT_HEADER_LEN);
  MAGIC.copy(h, 0);
  h.writeUInt32BE(FORMAT, 8);
  h.writeUInt32BE(meta.afterSegment, 12);
  h.writeBigUInt64BE(BigInt(meta.coveredSeq), 16);
  h.writeBigUInt64BE(BigInt(sealedLen), 24);
  Buffer.from(workspaceId, 'hex').copy(h, 32);
  keys.keyCheck.copy(h, 48);
  return h;
}

/** Encrypts `image` into a new snapshot file: temp file, fsync, rename, fsync folder. */
export function writeSnapshotFile(dir: string, meta: SnapshotMeta, image: Uint8Array, workspaceId: string, keys: SnapshotKeys): SnapshotInfo {
  const name = snapshotName(meta.coveredSeq);
  const finalPath = path.join(dir, name);
  const tmp = tempNameFor(finalPath);
  const head = header(meta, NONCE_LEN + image.length + TAG_LEN, workspaceId, keys);
  const nonce = crypto.randomBytes(NONCE_LEN);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.enc, nonce);
  cipher.setAAD(head);
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      writeFully(fd, Buffer.concat([head, nonce]));
      let unsynced = 0;
      for (let off = 0; off < image.length; off += CHUNK) {
        const part = cipher.update(image.subarray(off, Math.min(image.length, off + CHUNK)));
        writeFully(fd, part);
        unsynced += part.length;
        if (unsynced >= SYNC_EVERY) {
          fs.fdatasyncSync(fd);
          unsynced = 0;
        }
      }
      writeFully(fd, Buffer.concat([cipher.final(), cipher.getAuthTag()]));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, finalPath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw ioError(err, finalPath);
  }
  fsyncDir(dir);
  return { name, ...meta };
}

export interface SnapshotReadContext {
  workspaceId: string;
  keys: SnapshotKeys;
}

function snapError(kind: 'truncated' | 'tampered' | 'foreign', name: string, why: string): AppError {
  const tail = '本程序未改动任何文件；请从备份恢复档案库。';
  const text =
    kind === 'truncated'
      ? `快照文件 ${name} 不完整（被截断）：${why}。${tail}`
      : kind === 'foreign'
        ? `快照文件 ${name} 不属于此档案库：${why}。请检查是否混入了其他档案库的文件。`
        : `快照文件 ${name} 已损坏或被改动：${why}。${tail}`;
  return new AppError('INTEGRITY', text, { file: name, problem: kind });
}

/** Raised when the header is intact but made under another key. */
export function wrongKeyError(name: string): AppError {
  return new AppError('AUTH_FAILED', `密钥不正确：无法解开此档案库的快照 ${name}。请确认使用的是该档案库的密码或恢复密钥。`, {
    file: name,
    problem: 'wrong-key',
  });
}

export function isWrongKey(err: unknown): boolean {
  return err instanceof AppError && err.details?.problem === 'wrong-key';
}

/** Reads and checks just the header; `keyMatches` tells whether it was made under our key. */
export function readSnapshotHeader(src: ByteSource, name: string, ctx: SnapshotReadContext): SnapshotMeta & { sealedLen: number; keyMatches: boolean; head: Buffer } {
  const head = src.read(0, SNAPSHOT_HEADER_LEN);
  const magicOk = head.subarray(0, Math.min(8, head.length)).equals(MAGIC.subarray(0, Math.min(8, head.length)));
  if (!magicOk) throw snapError('tampered', name, '文件头不是档案库快照格式');
  if (head.length < SNAPSHOT_HEADER_LEN) throw snapError('truncated', name, `只有 ${src.size} 字节，连文件头都不完整`);
  if (head.readUInt32BE(8) !== FORMAT) throw snapError('tampered', name, `格式版本 ${head.readUInt32BE(8)} 无法识别`);
  const afterSegment = head.readUInt32BE(12);
  const coveredSeq = Number(head.readBigUInt64BE(16));
  const sealedLen = Number(head.readBigUInt64BE(24));
  const m = SNAPSHOT_RE.exec(name);
  if (m && Number(m[1]) !== coveredSeq) throw snapError('tampered', name, '文件头与文件名不符');
  if (head.subarray(32, 48).toString('hex') !== ctx.workspaceId) throw snapError('foreign', name, '工作区标识不符');
  if (sealedLen < NONCE_LEN + TAG_LEN) throw snapError('tampered', name, '文件头中的长度不合理');
  const expected = SNAPSHOT_HEADER_LEN + sealedLen;
  if (src.size < expected) throw snapError('truncated', name, `应有 ${expected} 字节，实际只有 ${src.size} 字节`);
  if (src.size > expected) throw snapError('tampered', name, `末尾多出 ${src.size - expected} 字节`);
  const keyMatches = crypto.timingSafeEqual(head.subarray(48, 64), ctx.keys.keyCheck);
  return { afterSegment, coveredSeq, sealedLen, keyMatches, head };
}

/**
 * Decrypts and authenticates a snapshot. With keep=false only verifies (no database image kept).
 * Throws INTEGRITY (truncated / tampered / foreign) or the wrong-key AUTH_FAILED.
 */
export function readSnapshot(src: ByteSource, name: string, ctx: SnapshotReadContext, keep: boolean): SnapshotMeta & { image: Buffer | null } {
  const h = readSnapshotHeader(src, name, ctx);
  if (!h.keyMatches) throw wrongKeyError(name);
  const nonce = src.read(SNAPSHOT_HEADER_LEN, NONCE_LEN);
  const tag = src.read(SNAPSHOT_HEADER_LEN + h.sealedLen - TAG_LEN, TAG_LEN);
  const decipher = crypto.createDecipheriv('aes-256-gcm', ctx.keys.enc, nonce);
  decipher.setAAD(h.head);
  decipher.setAuthTag(tag);
  const plainLen = h.sealedLen - NONCE_LEN - TAG_LEN;
  const image = keep ? Buffer.allocUnsafe(plainLen) : null;
  const start = SNAPSHOT_HEADER_LEN + NONCE_LEN;
  try {
    for (let off = 0; off < plainLen; off += CHUNK) {
      const part = decipher.update(src.read(start + off, Math.min(CHUNK, plainLen - off)));
      if (image) part.copy(image, off);
    }
    decipher.final();
  } catch {
    throw snapError('tampered', name, '内容无法通过校验');
  }
  return { coveredSeq: h.coveredSeq, afterSegment: h.afterSegment, image };
}
