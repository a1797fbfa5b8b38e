/**
 * The backup file: one file holding the workspace's (already encrypted) files.
 *
 *   "ADBACKUP" | u32 format | entry bytes, concatenated | header JSON | u32 headerLen | HMAC(32) | "ADBKEND1"
 *
 * The header lists {name, size, sha256} per entry, plus workspaceId and createdAt; the HMAC (under
 * a key derived from the data key) covers the first 12 bytes and the header, so it vouches for
 * every entry through its sha256. The index sits at the end (like a zip's central directory) so a
 * backup is written in one pass without knowing the hashes in advance.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';

export const BACKUP_MAGIC = Buffer.from('ADBACKUP', 'latin1');
export const BACKUP_END = Buffer.from('ADBKEND1', 'latin1');
export const BACKUP_FORMAT = 1;
export const BACKUP_PREFIX_LEN = 12;
const TRAILER_LEN = 4 + 32 + 8;

/** The only names an entry may have: restore never writes outside the target folder. */
export const ENTRY_NAME = /^(keyslots\.json|snapshot-\d{12}\.db\.enc|journal-\d{8}\.log|blobs\/[0-9a-f]{2}\/[0-9a-f]{62})$/;

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  workspaceId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string(),
  lastSeq: z.number().int().nonnegative(),
  entries: z.array(z.object({ name: z.string().regex(ENTRY_NAME), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export type BackupHeader = z.infer<typeof headerSchema>;

export interface BackupEntry {
  name: string;
  size: number;
  sha256: string;
  offset: number;
}

export interface BackupIndex {
  header: BackupHeader;
  entries: BackupEntry[];
  /** What the HMAC covers: the 12-byte prefix and the header JSON bytes. */
  macInput: Buffer;
  mac: Buffer;
}

export function prefixBytes(): Buffer {
  const b = Buffer.alloc(BACKUP_PREFIX_LEN);
  BACKUP_MAGIC.copy(b, 0);
  b.writeUInt32BE(BACKUP_FORMAT, 8);
  return b;
}

export function backupMac(macKey: Uint8Array, macInput: Uint8Array): Buffer {
  return crypto.createHmac('sha256', macKey).update(macInput).digest();
}

export function trailerBytes(headerJson: Buffer, mac: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerJson.length);
  return Buffer.concat([headerJson, len, mac, BACKUP_END]);
}

function notABackup(file: string, why: string): AppError {
  return new AppError('INTEGRITY', `${file} 不是有效的档案库备份文件（${why}）。请确认选择的文件正确；若是备份文件，它已损坏。`, { file, problem: 'backup-structure' });
}

function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  let done = 0;
  while (done < len) {
    const n = fs.readSync(fd, buf, done, len - done, pos + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

/** Reads and checks the structure of a backup (not the HMAC, which needs the data key). */
export function readBackupIndex(fd: number, file: string): BackupIndex {
  const size = fs.fstatSync(fd).size;
  if (size < BACKUP_PREFIX_LEN + TRAILER_LEN) throw notABackup(file, '文件太短');
  const prefix = readAt(fd, 0, BACKUP_PREFIX_LEN);
  if (!prefix.subarray(0, 8).equals(BACKUP_MAGIC)) throw notABackup(file, '文件头不符');
  if (prefix.readUInt32BE(8) !== BACKUP_FORMAT) throw notABackup(file, `格式版本 ${prefix.readUInt32BE(8)} 无法识别`);
  const trailer = readAt(fd, size - TRAILER_LEN, TRAILER_LEN);
  if (!trailer.subarray(36).equals(BACKUP_END)) throw notABackup(file, '文件尾不符，文件可能不完整');
  const headerLen = trailer.readUInt32BE(0);
  const headerStart = size - TRAILER_LEN - headerLen;
  if (headerStart < BACKUP_PREFIX_LEN) throw notABackup(file, '索引长度不合理');
  const headerJson = readAt(fd, headerStart, headerLen);
  let header: BackupHeader;
  try {
    header = headerSchema.parse(JSON.parse(headerJson.toString('utf8')));
  } catch {
    throw notABackup(file, '索引无法解析');
  }
  const entries: BackupEntry[] = [];
  const seen = new Set<string>();
  let offset = BACKUP_PREFIX_LEN;
  for (const e of header.entries) {
    if (seen.has(e.name)) throw notABackup(file, `条目 ${e.name} 重复`);
    seen.add(e.name);
    entries.push({ ...e, offset });
    offset += e.size;
  }
  if (offset !== headerStart) throw notABackup(file, '条目长度与文件大小不符');
  if (!seen.has('keyslots.json')) throw notABackup(file, '缺少 keyslots.json');
  if (!entries.some((e) => e.name.startsWith('snapshot-'))) throw notABackup(file, '缺少快照');
  return { header, entries, macInput: Buffer.concat([prefix, headerJson]), mac: trailer.subarray(4, 36) };
}
