/**
 * `pages process IN_DIR --out OUT_DIR [--json]`: every image in a folder through the app's own
 * imaging and OCR (digitization/adapters.ts defaultDeps), without a workspace. Each processed
 * page is written as a JPEG into OUT_DIR; one result per input page, in input order. A bad page
 * is a result with an error and the batch goes on; an unreadable IN_DIR is exit 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { defaultDeps } from '../digitization/adapters';
import { naturalCompare } from '../digitization/imaging/naturalSort';
import { MIN_DPI } from '../digitization/imaging/steps';
import type { IngestedPage, OcrEngine } from '../digitization/ports';
import type { Output } from './output';

type Values = Record<string, string | boolean | undefined>;

/** The JSON printed with --json, one per input page (stable: scripts depend on it). */
export type PageResultJson =
  | {
      source: string;
      output: string;
      blank: boolean;
      rotation: 0 | 90 | 180 | 270;
      skewDegrees: number;
      pageNumber: number | null;
      colour: boolean;
      dpi: number;
      width: number;
      height: number;
      sha256: string;
      /** OCR text; "" for a blank side (not read); null when OCR could not run. */
      text: string | null;
    }
  | { source: string; error: string };

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.pdf']);
/** Pages read ahead of OCR: enough to keep the pool busy, few enough to bound memory. */
const OCR_AHEAD = 8;

/** IN_DIR: the positional after `pages process` (main.ts hands commands only the options). */
function inputDir(): string {
  const { positionals } = parseArgs({ args: process.argv.slice(2), strict: false, allowPositionals: true });
  const at = positionals.findIndex((p, i) => p === 'pages' && positionals[i + 1] === 'process');
  const dir = at < 0 ? undefined : positionals[at + 2];
  if (!dir) throw new AppError('VALIDATION', '缺少输入文件夹。用法：pages process 输入文件夹 --out 输出文件夹 [--json]');
  return path.resolve(dir);
}

/** The image files of a folder (not its subfolders), or exit 1 with what is wrong. */
function listImages(dir: string): { files: string[]; skipped: number } {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件夹不存在' : code === 'ENOTDIR' ? '这不是文件夹' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : (err as Error).message;
    throw new AppError('VALIDATION', `无法读取输入文件夹 ${dir}：${why}。请检查路径和权限。`);
  }
  const files: string[] = [];
  let skipped = 0;
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    let isFile = e.isFile();
    if (e.isSymbolicLink()) isFile = fs.statSync(full, { throwIfNoEntry: false })?.isFile() ?? false;
    if (!isFile) continue;
    if (IMAGE_EXT.has(path.extname(e.name).toLowerCase())) files.push(full);
    else skipped++;
  }
  files.sort((a, b) => naturalCompare(path.basename(a), path.basename(b)));
  return { files, skipped };
}

function prepareOutDir(v: Values): string {
  const out = v.out;
  if (typeof out !== 'string' || out.trim() === '') throw new AppError('VALIDATION', '缺少参数 --out（处理后图像的输出文件夹）。');
  const dir = path.resolve(out.trim());
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new AppError('VALIDATION', `无法写入输出文件夹 ${dir}。请确认路径正确且有写入权限。`);
  }
  return dir;
}

/** Output names follow the source: "scan 3.jpg", and "batch-p002.jpg" for page 2 of batch.tif. */
function outputNamer(): (source: string) => string {
  const used = new Set<string>();
  return (source) => {
    const m = /^(.*) 第 (\d+) 页$/.exec(source);
    const file = m?.[1] ?? source;
    const stem = path.basename(file, path.extname(file));
    const base = m ? `${stem}-p${m[2]?.padStart(3, '0')}` : stem;
    let name = `${base}.jpg`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}.jpg`;
    used.add(name.toLowerCase());
    return name;
  };
}

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One progress line on stderr, rewritten in place on a terminal. */
function progressReporter(enabled: boolean): { update(done: number, total: number | null): void; end(): void } {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const elapsed = Date.now() - started;
      const eta = total !== null && done > 0 && done < total ? `，预计还需 ${clock((elapsed / done) * (total - done))}` : '';
      const line = `已处理 ${done}/${total ?? '?'} 页（用时 ${clock(elapsed)}${eta}）`;
      process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
      shown = true;
    },
    end() {
      if (enabled && tty && shown) process.stderr.write('\n');
    },
  };
}

function humanTable(results: PageResultJson[], outDir: string): string {
  const rows = results.map((r, i) => {
    if ('error' in r) return `${i + 1}\t${r.source}\t错误：${r.error}`;
    const dpi = r.dpi < MIN_DPI ? `${r.dpi}（低于 ${MIN_DPI}）` : String(r.dpi);
    const text = r.text === null ? '（未识别）' : r.text.replace(/\s+/g, ' ').slice(0, 20);
    return [i + 1, r.source, r.output, r.blank ? '是' : '', r.rotation ? `${r.rotation}°` : '', `${r.skewDegrees.toFixed(2)}°`, r.pageNumber ?? '', r.colour ? '彩色' : '灰度', dpi, `${r.width}×${r.height}`, text].join('\t');
  });
  const failed = results.filter((r) => 'error' in r).length;
  const blank = results.filter((r) => !('error' in r) && r.blank).length;
  return [
    ['序号', '来源', '输出文件', '空白', '旋转', '纠偏', '页码', '色彩', 'dpi', '尺寸', '文字（前 20 字）'].join('\t'),
    ...rows,
    '',
    `共 ${results.length} 页：成功 ${results.length - failed} 页（其中空白 ${blank} 页），失败 ${failed} 页。处理后的图像在 ${outDir}。`,
  ].join('\n');
}

async function readText(ocr: OcrEngine | null, page: IngestedPage): Promise<{ text: string | null; pageNumber: number | null }> {
  if (page.processed.blank) return { text: '', pageNumber: null };
  if (!ocr) return { text: null, pageNumber: null };
  try {
    const r = await ocr.recognize(page.processed.jpeg);
    return { text: r.text, pageNumber: r.pageNumber };
  } catch {
    return { text: null, pageNumber: null };
  }
}

export async function runPagesProcess(v: Values, out: Output): Promise<number> {
  const inDir = inputDir();
  const { files, skipped } = listImages(inDir);
  const outDir = prepareOutDir(v);
  const progress = progressReporter(!out.json);
  if (skipped > 0 && !out.json) process.stderr.write(`跳过 ${skipped} 个非图像文件（只处理 JPEG、PNG、TIFF 和扫描 PDF）。\n`);

  const deps = defaultDeps();
  let ocr: OcrEngine | null = null;
  try {
    ocr = await deps.createOcr();
  } catch (err) {
    process.stderr.write(`文字识别无法启动（${(err as Error).message}），页面仍会处理，但不识别文字、不自动纠正方向。\n`);
  }
  const results: Promise<PageResultJson>[] = [];
  const nameFor = outputNamer();
  let total: number | null = files.length;
  let done = 0;
  const finished = <T>(p: Promise<T>) =>
    p.finally(() => {
      done++;
      progress.update(done, total);
    });
  try {
    const pending: Promise<unknown>[] = [];
    const pages = deps.imaging.ingest({ kind: 'files', files }, { signal: new AbortController().signal, ocr, onTotal: (n) => (total = n) });
    for await (const page of pages) {
      if (!page.ok) {
        results.push(finished(Promise.resolve({ source: page.source, error: page.message })));
        continue;
      }
      const p = page.processed;
      const output = path.join(outDir, nameFor(page.source));
      try {
        fs.writeFileSync(output, p.jpeg);
      } catch (err) {
        results.push(finished(Promise.resolve({ source: page.source, error: `无法写入 ${output}：${(err as Error).message}` })));
        continue;
      }
      const result = finished(
        readText(ocr, page).then(
          (t): PageResultJson => ({
            source: page.source,
            output,
            blank: p.blank,
            rotation: p.rotation,
            skewDegrees: p.skewDegrees,
            pageNumber: t.pageNumber,
            colour: p.colour,
            dpi: p.dpi,
            width: p.width,
            height: p.height,
            sha256: p.sha256,
            text: t.text,
          }),
        ),
      );
      results.push(result);
      pending.push(result);
      // Reading ahead stops while OCR is this far behind (each waiting page holds its image).
      if (pending.length >= OCR_AHEAD) await pending.shift();
    }
    const all = await Promise.all(results);
    progress.end();
    if (files.length === 0 && !out.json) process.stderr.write(`文件夹 ${inDir} 中没有可处理的图像。\n`);
    out.result(humanTable(all, outDir), all);
    return 0;
  } finally {
    await ocr?.close();
  }
}
