/**
 * The append-only journal: segment files `journal-<segNo 8 digits>.log`, each a 32-byte header
 * (magic, format, segment number, first seq) followed by records:
 *
 *   u32 bodyLen | u64 seq | 8-byte head tag | body = nonce ‖ AES-GCM(JSON {seq, stmts}) ‖ tag
 *
 * The head tag is an HMAC of (workspace, segment, bodyLen, seq), so a changed length or seq is
 * caught before the length is trusted; the body's associated data binds workspace, segment and seq,
 * so records cannot be moved between segments or reordered. Only a SHORT record at the very end of
 * the newest segment (a write torn by a crash) is tolerated: it was never acknowledged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { seal, tryOpen } from '../crypto/aead';
import { hmac, subkey } from '../crypto/subkeys';
import { fsyncDir, ioError, writeFileAtomic } from './durableFs';
import { decodePayload, encodePayload, type JournalPayload, type JournalStatement } from './recordCodec';

const MAGIC = Buffer.from('ADJOURN1', 'latin1');
const FORMAT = 1;
export const SEGMENT_HEADER_LEN = 32;
export const RECORD_HEAD_LEN = 20;
const MAX_BODY = 1 << 30;

export interface JournalKeys {
  enc: Buffer;
  head: Buffer;
}

export function journalKeys(dataKey: Uint8Array): JournalKeys {
  const base = subkey(dataKey, 'journal');
  return { enc: base, head: hmac(base, Buffer.from('record-head')) };
}

export interface JournalContext {
  workspaceId: string;
  keys: JournalKeys;
}

export function segmentName(segNo: number): string {
  return `journal-${String(segNo).padStart(8, '0')}.log`;
}

const SEGMENT_RE = /^journal-(\d{8})\.log$/;

/** Segment numbers present in `dir`, ascending (temp files excluded). */
export function listSegments(dir: string): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = SEGMENT_RE.exec(name);
    if (m) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function headTag(ctx: JournalContext, segNo: number, bodyLen: number, seq: number): Buffer {
  return hmac(ctx.keys.head, Buffer.from(ctx.workspaceId), u32(segNo), u32(bodyLen), u64(seq)).subarray(0, 8);
}

function bodyAad(ctx: JournalContext, segNo: number, seq: number): Buffer {
  return Buffer.concat([Buffer.from(`ADJ1\n${ctx.workspaceId}\n`), u32(segNo), u64(seq)]);
}

export function encodeRecord(ctx: JournalContext, segNo: number, seq: number, stmts: JournalStatement[]): Buffer {
  const body = seal(ctx.keys.enc, encodePayload({ seq, stmts }), bodyAad(ctx, segNo, seq));
  const head = Buffer.alloc(RECORD_HEAD_LEN);
  head.writeUInt32BE(body.length, 0);
  head.writeBigUInt64BE(BigInt(seq), 4);
  headTag(ctx, segNo, body.length, seq).copy(head, 12);
  return Buffer.concat([head, body]);
}

function segmentHeader(segNo: number, startSeq: number): Buffer {
  const h = Buffer.alloc(SEGMENT_HEADER_LEN);
  MAGIC.copy(h, 0);
  h.writeUInt32BE(FORMAT, 8);
  h.writeUInt32BE(segNo, 12);
  h.writeBigUInt64BE(BigInt(startSeq), 16);
  return h;
}

export interface ParsedSegment {
  segNo: number;
  startSeq: number;
  /** seq of the next record this segment would hold (startSeq + record count). */
  nextSeq: number;
  records: number;
  /** Offset just past the last complete, valid record. */
  validEnd: number;
  /** Bytes of a torn final record after validEnd (0 when the segment ends cleanly). */
  tornBytes: number;
}

export interface ParseOptions {
  /** Only the newest segment may end with a torn record. */
  allowTornTail: boolean;
  /** seq the first record must carry; checked against the header too. */
  expectStartSeq?: number;
  /** Called with each record's statements, in order. */
  onRecord?: (payload: JournalPayload) => void;
}

function integrity(label: string, what: string, details?: Record<string, unknown>): AppError {
  return new AppError('INTEGRITY', `日志文件 ${label} ${what}。本程序未改动任何文件；请从备份恢复档案库。`, { file: label, ...details });
}

/** Parses and authenticates one segment held in memory. `label` names it in messages. */
export function parseSegment(ctx: JournalContext, buf: Buffer, segNo: number, label: string, opts: ParseOptions): ParsedSegment {
  if (buf.length < SEGMENT_HEADER_LEN || !buf.subarray(0, 8).equals(MAGIC)) {
    throw integrity(label, '的文件头已损坏（不是档案库日志文件）');
  }
  if (buf.readUInt32BE(8) !== FORMAT) throw integrity(label, `的格式版本 ${buf.readUInt32BE(8)} 无法识别`);
  if (buf.readUInt32BE(12) !== segNo) throw integrity(label, '的文件头与文件名不符（文件可能被改名或替换）');
  const startSeq = Number(buf.readBigUInt64BE(16));
  if (opts.expectStartSeq !== undefined && startSeq !== opts.expectStartSeq) {
    throw integrity(label, `的起始序号不连续（应为 ${opts.expectStartSeq}，实为 ${startSeq}）：前面有日志记录缺失`);
  }
  let off = SEGMENT_HEADER_LEN;
  let seq = startSeq;
  let index = 0;
  const torn = (): ParsedSegment => {
    if (!opts.allowTornTail) throw integrity(label, `的第 ${index + 1} 条记录（偏移 ${off}）不完整，而它之后还有更新的日志`);
    return { segNo, startSeq, nextSeq: seq, records: index, validEnd: off, tornBytes: buf.length - off };
  };
  while (off < buf.length) {
    const remaining = buf.length - off;
    if (remaining < RECORD_HEAD_LEN) return torn();
    const bodyLen = buf.readUInt32BE(off);
    const recSeq = Number(buf.readBigUInt64BE(off + 4));
    const tag = buf.subarray(off + 12, off + RECORD_HEAD_LEN);
    if (!tag.equals(headTag(ctx, segNo, bodyLen, recSeq)) || bodyLen > MAX_BODY) {
      // A crash can leave a zero-filled tail (size extended, data not yet written): that is torn.
      if (opts.allowTornTail && isAllZero(buf, off)) return torn();
      throw integrity(label, `的第 ${index + 1} 条记录（偏移 ${off}）已损坏或被改动（记录头校验失败）`, { record: index + 1, offset: off });
    }
    if (recSeq !== seq) {
      throw integrity(label, `的第 ${index + 1} 条记录序号不连续（应为 ${seq}，实为 ${recSeq}）：有记录缺失或顺序被调换`, { record: index + 1 });
    }
    if (remaining < RECORD_HEAD_LEN + bodyLen) return torn();
    const body = buf.subarray(off + RECORD_HEAD_LEN, off + RECORD_HEAD_LEN + bodyLen);
    const plain = tryOpen(ctx.keys.enc, body, bodyAad(ctx, segNo, recSeq));
    if (!plain) {
      throw integrity(label, `的第 ${index + 1} 条记录（序号 ${recSeq}，偏移 ${off}）无法通过校验：内容已损坏或被改动`, { record: index + 1, seq: recSeq, offset: off });
    }
    let payload: JournalPayload;
    try {
      payload = decodePayload(plain);
    } catch {
      throw integrity(label, `的第 ${index + 1} 条记录（序号 ${recSeq}）内容格式错误`, { record: index + 1 });
    }
    if (payload.seq !== recSeq) throw integrity(label, `的第 ${index + 1} 条记录序号与内容不符`, { record: index + 1 });
    opts.onRecord?.(payload);
    off += RECORD_HEAD_LEN + bodyLen;
    seq += 1;
    index += 1;
  }
  return { segNo, startSeq, nextSeq: seq, records: index, validEnd: off, tornBytes: 0 };
}

function isAllZero(buf: Buffer, from: number): boolean {
  for (let i = from; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}

/** Appends records to one segment. Each append is one positional write followed by fdatasync. */
export class JournalWriter {
  private fd: number | null;
  private broken: AppError | null = null;

  private constructor(
    private readonly ctx: JournalContext,
    readonly file: string,
    readonly segNo: number,
    fd: number,
    private offset: number,
    private nextSeq: number,
  ) {
    this.fd = fd;
  }

  /** Creates a new segment atomically (so a segment file always has a complete header). */
  static create(ctx: JournalContext, dir: string, segNo: number, startSeq: number): JournalWriter {
    const file = path.join(dir, segmentName(segNo));
    if (fs.existsSync(file)) throw new AppError('INTERNAL', `日志文件 ${segmentName(segNo)} 已存在，不能重新创建。`);
    writeFileAtomic(file, segmentHeader(segNo, startSeq));
    return new JournalWriter(ctx, file, segNo, fs.openSync(file, 'r+'), SEGMENT_HEADER_LEN, startSeq);
  }

  /** Continues an existing segment whose valid content ends at `validEnd` (already truncated there). */
  static resume(ctx: JournalContext, dir: string, parsed: ParsedSegment): JournalWriter {
    const file = path.join(dir, segmentName(parsed.segNo));
    return new JournalWriter(ctx, file, parsed.segNo, fs.openSync(file, 'r+'), parsed.validEnd, parsed.nextSeq);
  }

  get size(): number {
    return this.offset;
  }

  /** Set when a failed append could not be cut off: the segment must not be closed off as complete. */
  get failure(): AppError | null {
    return this.broken;
  }

  /** Appends the record for `seq` and returns only once it is on disk. Returns bytes written. */
  append(seq: number, stmts: JournalStatement[]): number {
    if (this.broken) throw this.broken;
    if (this.fd === null) throw new AppError('INTERNAL', '日志文件已关闭。');
    if (seq !== this.nextSeq) throw new AppError('INTERNAL', `日志序号错误（应为 ${this.nextSeq}，实为 ${seq}）。`);
    const rec = encodeRecord(this.ctx, this.segNo, seq, stmts);
    try {
      let done = 0;
      while (done < rec.length) done += fs.writeSync(this.fd, rec, done, rec.length - done, this.offset + done);
      fs.fdatasyncSync(this.fd);
    } catch (err) {
      // Cut off whatever part of the record reached the file, so the journal stays well-formed.
      try {
        fs.ftruncateSync(this.fd, this.offset);
        fs.fdatasyncSync(this.fd);
      } catch {
        this.broken = new AppError('IO', '日志文件写入失败且无法复原。请关闭程序，检查磁盘后重新打开档案库（已确认的数据不会丢失）。');
      }
      throw ioError(err, this.file);
    }
    this.offset += rec.length;
    this.nextSeq = seq + 1;
    return rec.length;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/** Cuts a torn tail off the newest segment (only after the whole workspace has been read). */
export function truncateSegment(file: string, validEnd: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.ftruncateSync(fd, validEnd);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncDir(path.dirname(file));
}
