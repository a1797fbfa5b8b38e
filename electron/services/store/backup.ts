/**
 * Backup, verify and restore of a whole workspace as one file (format in backupFormat.ts).
 * Every entry is already ciphertext; the backup adds an HMAC-authenticated index.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { VerifyProblem, VerifyReport } from '../../../shared/types';
import { BLOB_DIR, blobRelPath, listBlobIds, openBlob } from './blobStore';
import { backupMac, BACKUP_FORMAT, prefixBytes, readBackupIndex, trailerBytes, type BackupEntry, type BackupHeader } from './backupFormat';
import { fdSource, type ByteSource } from './byteSource';
import { fsyncDir, ioError, tempNameFor, writeFully } from './durableFs';
import { listSegments, parseSegment, segmentName } from './journal';
import { KEYSLOTS_FILE, parseKeyslots } from './keyring';
import { readSnapshot } from './snapshot';
import type { WorkspaceFiles } from './workspaceFiles';
import { deriveWorkspaceKeys } from './workspaceKeys';

const CHUNK = 1024 * 1024;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

interface PlannedEntry {
  name: string;
  size: number;
  /** In-memory content (keyslots.json, read at the moment the backup starts) or a file to copy. */
  data?: Buffer;
  file?: string;
}

/**
 * Writes a consistent backup: the file list and sizes are fixed in one synchronous step (the newest
 * snapshot, the journal after it up to the last committed record, all blobs), then copied while
 * commits continue; deletions wait until the copy is done.
 */
export async function writeBackup(ws: WorkspaceFiles, file: string): Promise<number> {
  const target = path.resolve(file);
  const dir = path.resolve(ws.dir);
  if (target === dir || target.startsWith(dir + path.sep)) {
    throw new AppError('VALIDATION', '不能把备份保存在档案库文件夹里面。请选择其他位置（最好是另一块磁盘或移动硬盘）。');
  }
  if (!fs.existsSync(path.dirname(target))) {
    throw new AppError('VALIDATION', `备份目标文件夹 ${path.dirname(target)} 不存在。请先创建它或另选位置。`);
  }
  const unpin = ws.pin();
  try {
    const plan = planEntries(ws);
    const lastSeq = ws.committedSeq();
    const tmp = tempNameFor(target);
    let fd: number | null = null;
    try {
      fd = fs.openSync(tmp, 'wx');
      const prefix = prefixBytes();
      writeFully(fd, prefix);
      let total = prefix.length;
      const entries: BackupHeader['entries'] = [];
      for (const entry of plan) {
        const sha256 = await copyEntry(fd, entry);
        entries.push({ name: entry.name, size: entry.size, sha256 });
        total += entry.size;
      }
      const header: BackupHeader = { format: BACKUP_FORMAT, workspaceId: ws.keys.workspaceId, createdAt: new Date().toISOString(), lastSeq, entries };
      const headerJson = Buffer.from(JSON.stringify(header), 'utf8');
      const trailer = trailerBytes(headerJson, backupMac(ws.keys.backupMac, Buffer.concat([prefix, headerJson])));
      writeFully(fd, trailer);
      total += trailer.length;
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fd = null;
      fs.renameSync(tmp, target);
      fsyncDir(path.dirname(target));
      return total;
    } catch (err) {
      if (fd !== null) fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw ioError(err, target);
    }
  } finally {
    unpin();
  }
}

function planEntries(ws: WorkspaceFiles): PlannedEntry[] {
  const dir = ws.dir;
  const newest = ws.newestSnapshot();
  const active = ws.activeSegment();
  const keyslots = fs.readFileSync(path.join(dir, KEYSLOTS_FILE));
  const plan: PlannedEntry[] = [{ name: KEYSLOTS_FILE, size: keyslots.length, data: keyslots }];
  plan.push({ name: newest.name, size: fs.statSync(path.join(dir, newest.name)).size, file: path.join(dir, newest.name) });
  for (const segNo of listSegments(dir)) {
    if (segNo <= newest.afterSegment || segNo > active.segNo) continue;
    const f = path.join(dir, segmentName(segNo));
    plan.push({ name: segmentName(segNo), size: segNo === active.segNo ? active.size : fs.statSync(f).size, file: f });
  }
  for (const id of listBlobIds(dir)) {
    const f = path.join(dir, blobRelPath(id));
    plan.push({ name: blobRelPath(id), size: fs.statSync(f).size, file: f });
  }
  return plan;
}

async function copyEntry(out: number, entry: PlannedEntry): Promise<string> {
  const hash = crypto.createHash('sha256');
  if (entry.data) {
    writeFully(out, entry.data);
    return hash.update(entry.data).digest('hex');
  }
  const src = fs.openSync(entry.file as string, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    while (done < entry.size) {
      const n = fs.readSync(src, buf, 0, Math.min(CHUNK, entry.size - done), done);
      if (n === 0) throw new AppError('IO', `备份时读取 ${entry.name} 失败：文件比预期短。请重试备份。`);
      const part = buf.subarray(0, n);
      writeFully(out, part);
      hash.update(part);
      done += n;
      if (done % (8 * CHUNK) === 0) await yieldNow();
    }
  } finally {
    fs.closeSync(src);
  }
  await yieldNow();
  return hash.digest('hex');
}

function sha256Of(src: ByteSource): string {
  const hash = crypto.createHash('sha256');
  for (let off = 0; off < src.size; off += CHUNK) hash.update(src.read(off, Math.min(CHUNK, src.size - off)));
  return hash.digest('hex');
}

function kindOf(name: string): VerifyProblem['kind'] {
  if (name === KEYSLOTS_FILE) return 'keyslots';
  if (name.startsWith('snapshot-')) return 'snapshot';
  if (name.startsWith('journal-')) return 'journal';
  return 'blob';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function openBackup(file: string): number {
  try {
    return fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `找不到备份文件 ${file}。请检查路径。`);
    throw ioError(err, file);
  }
}

/**
 * Checks a backup with the workspace's data key: the index HMAC, every entry's SHA-256, and that
 * each snapshot, journal record and blob decrypts and authenticates.
 */
export function verifyBackupFile(file: string, dataKey: Buffer): VerifyReport {
  const label = path.basename(file);
  const problems: VerifyProblem[] = [];
  const checked = { snapshots: 0, journalRecords: 0, blobs: 0, auditEntries: 0 };
  const fd = openBackup(file);
  try {
    let index;
    try {
      index = readBackupIndex(fd, label);
    } catch (err) {
      problems.push({ kind: 'backup', file: label, message: messageOf(err) });
      return { ok: false, checked, problems };
    }
    const { workspaceId } = index.header;
    const keys = deriveWorkspaceKeys(dataKey, workspaceId);
    if (!crypto.timingSafeEqual(backupMac(keys.backupMac, index.macInput), index.mac)) {
      problems.push({ kind: 'backup', file: label, message: '备份文件的校验码不符：备份被改动过，或它不是用此档案库的密钥生成的。' });
    }
    const order = (e: BackupEntry) => ['keyslots', 'snapshot', 'journal', 'blob'].indexOf(kindOf(e.name));
    const entries = [...index.entries].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
    let expect: number | undefined;
    for (const entry of entries) {
      const src = fdSource(fd, entry.offset, entry.size);
      const kind = kindOf(entry.name);
      if (sha256Of(src) !== entry.sha256) {
        problems.push({ kind, file: entry.name, message: `备份中的 ${entry.name} 已损坏（SHA-256 不符）。` });
        if (kind === 'journal') expect = undefined;
        continue;
      }
      try {
        if (kind === 'keyslots') {
          if (parseKeyslots(src.read(0, entry.size).toString('utf8'), entry.name).workspaceId !== workspaceId) {
            problems.push({ kind, file: entry.name, message: `备份中的 ${entry.name} 属于另一个档案库。` });
          }
        } else if (kind === 'snapshot') {
          checked.snapshots += 1;
          const meta = readSnapshot(src, entry.name, keys.snapshot, false);
          expect ??= meta.coveredSeq + 1;
        } else if (kind === 'journal') {
          const segNo = Number(entry.name.slice(8, 16));
          const seg = parseSegment(keys.journal, src.read(0, entry.size), segNo, entry.name, { allowTornTail: false, expectStartSeq: expect });
          checked.journalRecords += seg.records;
          expect = seg.nextSeq;
        } else {
          checked.blobs += 1;
          const id = entry.name.slice(BLOB_DIR.length + 1).replace('/', '');
          openBlob(keys.blob, workspaceId, id, src.read(0, entry.size), entry.name);
        }
      } catch (err) {
        problems.push({ kind, file: entry.name, message: messageOf(err) });
        if (kind === 'journal') expect = undefined;
      }
    }
    if (expect !== undefined && expect - 1 !== index.header.lastSeq) {
      problems.push({ kind: 'backup', file: label, message: `备份中的日志只到序号 ${expect - 1}，而索引记载为 ${index.header.lastSeq}：有日志缺失。` });
    }
    return { ok: problems.length === 0, checked, problems };
  } finally {
    fs.closeSync(fd);
  }
}

export interface RestoreResult {
  workspaceId: string;
  files: number;
  bytes: number;
}

/**
 * Restores a backup into `dir`, which must not exist or be empty. Checks the structure and every
 * entry's SHA-256 while extracting into a temp folder beside `dir`, then renames it into place, so
 * there is never a half-restored workspace. (The HMAC needs the data key: open the store after.)
 */
export function restoreBackupFile(file: string, dir: string): RestoreResult {
  const target = path.resolve(dir);
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0) {
      throw new AppError('CONFLICT', `目标文件夹 ${target} 不是空的。恢复只能写入空文件夹或新文件夹，以免覆盖现有档案库；请另选一个空文件夹。`);
    }
  }
  const label = path.basename(file);
  const fd = openBackup(file);
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(target)}.restore-${crypto.randomBytes(6).toString('hex')}`);
  try {
    const index = readBackupIndex(fd, label);
    fs.mkdirSync(staging);
    const made = new Set<string>([staging]);
    let bytes = 0;
    for (const entry of index.entries) {
      const out = path.join(staging, ...entry.name.split('/'));
      const sub = path.dirname(out);
      if (!made.has(sub)) {
        fs.mkdirSync(sub, { recursive: true });
        made.add(sub);
        made.add(path.dirname(sub));
      }
      const data = copyOut(fd, entry, out);
      if (data.sha256 !== entry.sha256) {
        throw new AppError('INTEGRITY', `备份文件 ${label} 中的 ${entry.name} 已损坏（SHA-256 不符），未恢复任何文件。请换一份备份。`, { file: entry.name });
      }
      if (entry.name === KEYSLOTS_FILE && parseKeyslots(fs.readFileSync(out, 'utf8'), entry.name).workspaceId !== index.header.workspaceId) {
        throw new AppError('INTEGRITY', `备份文件 ${label} 中的 ${KEYSLOTS_FILE} 与备份索引不属于同一个档案库，未恢复任何文件。`);
      }
      bytes += entry.size;
    }
    // Deepest folders first, so each parent's fsync covers its children's entries.
    for (const d of [...made].sort((a, b) => b.length - a.length)) fsyncDir(d);
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(staging, target);
    fsyncDir(parent);
    return { workspaceId: index.header.workspaceId, files: index.entries.length, bytes };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err instanceof AppError ? err : ioError(err, target);
  } finally {
    fs.closeSync(fd);
  }
}

function copyOut(fd: number, entry: BackupEntry, out: string): { sha256: string } {
  const hash = crypto.createHash('sha256');
  const src = fdSource(fd, entry.offset, entry.size);
  const w = fs.openSync(out, 'wx');
  try {
    for (let off = 0; off < entry.size; off += CHUNK) {
      const part = src.read(off, Math.min(CHUNK, entry.size - off));
      hash.update(part);
      writeFully(w, part);
    }
    fs.fsyncSync(w);
  } finally {
    fs.closeSync(w);
  }
  return { sha256: hash.digest('hex') };
}
