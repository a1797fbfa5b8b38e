/**
 * Checks an .xlsx (a ZIP package) before a spreadsheet library touches it: every entry is inflated
 * here with a hard output cap, so a zip bomb or an entry that lies about its size is refused
 * instead of filling memory inside the library.
 */
import zlib from 'node:zlib';
import { AppError } from '../../../../shared/errors';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 20_000;

function corrupt(detail: string): AppError {
  return new AppError('VALIDATION', `名册文件已损坏，无法读取（${detail}）。请在 Excel 中打开后重新另存为 .xlsx 再导入。`, {
    reason: 'CORRUPT',
  });
}

function tooLarge(bytes: number, limit: number): AppError {
  const mb = (n: number) => Math.ceil(n / 1024 / 1024);
  return new AppError(
    'VALIDATION',
    `名册文件解压后超过 ${mb(limit)} MB（至少 ${mb(bytes)} MB），可能是异常文件，已拒绝读取。请确认文件来源，或把名册拆分后分别导入。`,
    { reason: 'TOO_LARGE' },
  );
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Throws a Chinese AppError when the ZIP is damaged, uses ZIP64, or inflates beyond `maxUnzippedBytes`. */
export function guardZip(buf: Buffer, maxUnzippedBytes: number): void {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw corrupt('找不到压缩目录');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: a spreadsheet roster never needs them; a bomb often does.
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw tooLarge(0xffffffff, maxUnzippedBytes);
  if (entries > MAX_ENTRIES) throw corrupt('包含的文件过多');
  if (cdOffset + cdSize > eocd) throw corrupt('压缩目录位置错误');

  let declared = 0;
  let actual = 0;
  let at = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw corrupt('压缩目录条目错误');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + nameLen + extraLen + commentLen;

    declared += size;
    if (declared > maxUnzippedBytes) throw tooLarge(declared, maxUnzippedBytes);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw corrupt('文件条目头错误');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw corrupt('文件条目被截断');
    const data = buf.subarray(start, start + compressed);
    if (method === 0) {
      actual += compressed;
    } else if (method === 8) {
      // The cap is what is still allowed in total, so lying headers cannot add up past the limit.
      const room = maxUnzippedBytes - actual;
      let out: Buffer;
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxUnzippedBytes + 1, maxUnzippedBytes);
        throw corrupt('压缩数据错误');
      }
      actual += out.length;
    } else {
      throw corrupt(`不支持的压缩方式 ${method}`);
    }
    if (actual > maxUnzippedBytes) throw tooLarge(actual, maxUnzippedBytes);
  }
}
