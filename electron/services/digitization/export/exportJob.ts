/**
 * volume.export: the only plaintext files the app writes, in a folder the user chose.
 * (a) <dir>/<档号>/ — page images <档号>-0001.jpg…, 卷内目录.xlsx, 卷内目录.xml, manifest-sha256.txt;
 * (b) <dir>/<档号>.pdf — scan images with the invisible OCR text layer.
 * Nothing is overwritten: a non-empty <档号> folder or an existing PDF is refused. A failed or
 * cancelled export removes the files it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { counts } from '../../../../shared/pageCounting';
import type { Job, Volume } from '../../../../shared/types';
import * as gq from '../../db/queries/pages';
import { listItems } from '../items';
import type { JobHandle } from '../jobs';
import type { DigitizationRuntime } from '../runtime';
import { requireVolume } from '../volumes';
import { buildCatalogue, type Catalogue } from './catalogue';
import { manifestText, sha256Hex } from './manifest';
import { itemListXlsx } from './xlsx';
import { itemListXml } from './xml';

export interface ExportTarget {
  volume: Volume & { archiveNo: string };
  folder: string | null;
  pdf: string | null;
}

function isNonEmptyDir(p: string): boolean {
  try {
    return fs.readdirSync(p).length > 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return true;
    throw new AppError('IO', `无法读取 ${p}：${(err as Error).message}。请选择有权限的位置。`);
  }
}

/** Checks everything that can be checked before the job starts, so the clerk sees the reason at once. */
export function exportTarget(volume: Volume, dir: string, want: { folder: boolean; pdf: boolean }): ExportTarget {
  if (volume.archiveNo === null) {
    throw new AppError('VALIDATION', '该卷还没有档号，不能导出（图像和文件夹按档号命名）。请先在卷信息中填写档号。', { field: 'archiveNo' });
  }
  if (!want.folder && !want.pdf) throw new AppError('VALIDATION', '请至少选择一种导出内容：档案文件夹或可检索 PDF。');
  if (volume.pageCount === 0) throw new AppError('CONFLICT', '该卷还没有计数页面，没有可导出的内容。');
  const root = path.resolve(dir);
  if (fs.existsSync(root) && !fs.statSync(root).isDirectory()) throw new AppError('VALIDATION', `${root} 不是文件夹，请重新选择导出位置。`);
  const folder = want.folder ? path.join(root, volume.archiveNo) : null;
  const pdf = want.pdf ? path.join(root, `${volume.archiveNo}.pdf`) : null;
  if (folder && isNonEmptyDir(folder)) {
    throw new AppError('CONFLICT', `导出位置已有「${volume.archiveNo}」文件夹且不为空。为免覆盖以前导出的文件，请换一个位置，或先移走该文件夹。`);
  }
  if (pdf && fs.existsSync(pdf)) {
    throw new AppError('CONFLICT', `导出位置已有文件「${volume.archiveNo}.pdf」。为免覆盖，请换一个位置，或先移走该文件。`);
  }
  return { volume: { ...volume, archiveNo: volume.archiveNo }, folder, pdf };
}

export function startExport(rt: DigitizationRuntime, target: ExportTarget, clock: () => Date): Job {
  return rt.jobs.start('export', target.volume.id, (h) => runExport(rt, target, clock, h));
}

class Writer {
  readonly written: string[] = [];
  private readonly madeDirs: string[] = [];

  mkdir(dir: string): void {
    const first = fs.mkdirSync(dir, { recursive: true }); // the top-most folder it had to create, if any
    if (first !== undefined) {
      for (let d = dir; d.length >= first.length; d = path.dirname(d)) this.madeDirs.push(d);
    }
  }

  /** 'wx': never replaces a file that appeared since the checks. */
  write(file: string, data: Uint8Array | string): void {
    fs.writeFileSync(file, data, { flag: 'wx' });
    this.written.push(file);
  }

  undo(): void {
    for (const f of this.written.splice(0).reverse()) fs.rmSync(f, { force: true });
    for (const d of this.madeDirs.splice(0)) {
      try {
        fs.rmdirSync(d); // only if empty: never remove what the user put there
      } catch {
        // not empty or already gone
      }
    }
  }
}

function ioError(err: unknown, where: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' ? '磁盘空间不足' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EEXIST' ? '文件已存在' : (err as Error).message;
  return new AppError('IO', `写入 ${where} 失败：${why}。请检查导出位置后重试。`);
}

async function runExport(rt: DigitizationRuntime, target: ExportTarget, clock: () => Date, h: JobHandle): Promise<string> {
  const store = rt.ws.store;
  const volume = requireVolume(store, target.volume.id);
  const archiveNo = target.volume.archiveNo;
  const counted = () => gq.livePages(store, volume.id).filter((p) => counts(p.kind));
  h.setTotal(counted().length * ((target.folder ? 1 : 0) + (target.pdf ? 1 : 0)));
  if (target.pdf) {
    // The text layer needs OCR: wait for pages still being recognised.
    h.setMessage('正在等待文字识别完成…');
    rt.ocrQueue.enqueuePending(volume.id);
    await Promise.race([rt.ocrQueue.settled(counted().map((p) => p.id)), aborted(h.signal)]);
  }
  const catalogue = buildCatalogue({ ...volume, archiveNo }, gq.livePages(store, volume.id), listItems(store, volume.id));
  const writer = new Writer();
  try {
    if (target.folder) await writeFolder(rt, catalogue, target.folder, writer, clock(), h);
    if (target.pdf) await writePdf(rt, catalogue, target.pdf, writer, h);
  } catch (err) {
    writer.undo();
    throw h.signal.aborted ? new AppError('CONFLICT', '导出已取消，已写出的文件已删除。') : ioError(err, target.folder ?? target.pdf ?? '');
  }
  if (h.signal.aborted) {
    writer.undo();
    return '导出已取消，已写出的文件已删除。';
  }
  return `已导出 ${catalogue.images.length} 页（未计页 ${catalogue.excluded.length} 张）。`;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}

function checkAbort(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('CONFLICT', '导出已取消。');
}

async function writeFolder(rt: DigitizationRuntime, c: Catalogue, folder: string, w: Writer, at: Date, h: JobHandle): Promise<void> {
  const store = rt.ws.store;
  h.setMessage('正在写出图像…');
  w.mkdir(folder);
  const files: { name: string; sha256: string }[] = [];
  for (const im of c.images) {
    checkAbort(h.signal);
    const data = store.blobs.get(im.page.imageBlob);
    const sha256 = sha256Hex(data);
    if (sha256 !== im.page.sha256) {
      throw new AppError('INTEGRITY', `第 ${im.page.position} 页的图像与登记的校验值不符，已停止导出。请运行“检查档案库完整性”。`);
    }
    w.write(path.join(folder, im.fileName), data);
    files.push({ name: im.fileName, sha256 });
    h.done();
    // Let job.get calls through between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  h.setMessage('正在写出卷内目录…');
  const xlsx = await itemListXlsx(c, at);
  const xml = Buffer.from(itemListXml(c), 'utf8');
  for (const [name, data] of [['卷内目录.xlsx', xlsx], ['卷内目录.xml', xml]] as const) {
    w.write(path.join(folder, name), data);
    files.push({ name, sha256: sha256Hex(data) });
  }
  w.write(path.join(folder, 'manifest-sha256.txt'), manifestText(c, files, at));
  h.addOutput(folder);
}

async function writePdf(rt: DigitizationRuntime, c: Catalogue, file: string, w: Writer, h: JobHandle): Promise<void> {
  const store = rt.ws.store;
  h.setMessage('正在生成可检索 PDF…');
  w.mkdir(path.dirname(file));
  const pages = [];
  for (const im of c.images) {
    checkAbort(h.signal);
    // Re-read: OCR may have finished after the catalogue snapshot of the row was taken.
    const row = gq.pageById(store, im.page.id) ?? im.page;
    const textPdf = row.textPdfBlob ? store.blobs.get(row.textPdfBlob) : null;
    if (!textPdf) h.warn(im.fileName, `第 ${im.seq} 页没有文字识别结果，PDF 中该页只有图像，不能检索。`);
    pages.push({ jpeg: store.blobs.get(row.imageBlob), widthPx: row.width, heightPx: row.height, dpi: row.dpi, textPdf });
    h.done();
  }
  const bytes = await rt.buildPdf(pages);
  checkAbort(h.signal);
  w.write(file, bytes);
  h.addOutput(file);
}
