/**
 * OCR benchmark: `npm run bench -- ocr [--pages N] [--rss-pages N] [--recycle N] [--dir DIR] [--keep]`.
 *
 * Generates N A4 300-dpi pages with known Chinese text (bench/fixtures/generatePages.ts: skewed
 * ±3°, one in five upside down, one in ten blank, noise, yellowed paper, printed page numbers) and
 * measures on the same pages and cores, in one run:
 * - this pipeline: the app's own imaging (orientation, deskew, blank detection) and OCR pool from
 *   digitization `defaultDeps()`, the pages recognised in the background while import goes on,
 *   at most one recognition per pool slot at a time (as the OCR queue runs them);
 * - native `tesseract` (CLI, `-l chi_sim`, one process per core, OMP_THREAD_LIMIT=1), if installed.
 * The two run in alternating chunks of 20 pages (order swapped every chunk), so load from other
 * processes falls on both alike. With --rss-pages N (500 for the target) the pipeline alone then
 * runs N pages (the generated ones repeated) and the process RSS is sampled throughout; --recycle N
 * runs that test with workers recycled every N reads instead of the app's setting (0: never).
 * Prints one table with targets and pass/fail.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDeps } from '../electron/services/digitization/adapters';
import { createOcrPool, type OcrPool } from '../electron/services/digitization/ocr/pool';
import { TARGET_LINE_PX } from '../electron/services/digitization/ocr/recognize';
import { benchVariant, cer, generatePage, type GeneratedPage } from './fixtures/generatePages';
import { arg, printTable } from './table';

/**
 * Pages per measured chunk. Each chunk starts the pipeline empty and drains it at the end, which
 * the app's continuous import does not; 20 pages keep that cost to a few per cent.
 */
const CHUNK = 20;

type Truth = GeneratedPage['truth'];

interface PageResult {
  rotation: number | null;
  blank: boolean | null;
  text: string;
  pageNumber: number | null;
  failed: boolean;
}

function log(msg: string): void {
  process.stderr.write(`[bench ocr] ${msg}\n`);
}


async function generate(dir: string, count: number): Promise<{ files: string[]; truths: Truth[] }> {
  const truthFile = path.join(dir, 'truth.json');
  if (fs.existsSync(truthFile)) {
    const truths = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as Truth[];
    if (truths.length >= count) {
      log(`使用 ${dir} 中已生成的页面`);
      return { files: truths.slice(0, count).map((_, i) => pageFile(dir, i)), truths: truths.slice(0, count) };
    }
  }
  const truths: Truth[] = [];
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const p = await generatePage(i + 1, benchVariant(i));
    fs.writeFileSync(pageFile(dir, i), p.jpeg);
    truths.push(p.truth);
    if ((i + 1) % 10 === 0) log(`已生成 ${i + 1}/${count} 页`);
  }
  fs.writeFileSync(truthFile, JSON.stringify(truths));
  log(`生成 ${count} 页用时 ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { files: truths.map((_, i) => pageFile(dir, i)), truths };
}

function pageFile(dir: string, i: number): string {
  return path.join(dir, `page-${String(i + 1).padStart(4, '0')}.jpg`);
}

function nativeAvailable(): boolean {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return r.status === 0 && /^chi_sim$/m.test(`${r.stdout}${r.stderr}`);
}

function nativeOne(file: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('tesseract', [file, 'stdout', '-l', 'chi_sim'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.on('close', () => resolve(Buffer.concat(out).toString('utf8')));
    child.on('error', () => resolve(''));
  });
}

/** Native tesseract over the files, `cores` processes at a time. */
async function runNative(files: string[], cores: number): Promise<string[]> {
  const out: string[] = new Array<string>(files.length).fill('');
  let next = 0;
  await Promise.all(
    Array.from({ length: cores }, async () => {
      for (let i = next++; i < files.length; i = next++) out[i] = await nativeOne(files[i] as string);
    }),
  );
  return out;
}

interface PipelineRun {
  results: PageResult[];
}

/**
 * The app's pipeline over the files: import (imaging with orientation by the OCR pool) page by
 * page, each non-blank page queued for OCR as it is imported, at most `pool.size` recognitions at
 * once. Queued pages wait as files (the app keeps them in its blob store), not in memory.
 * `onDone` is told the number of pages fully done (imported and, unless blank, recognised).
 */
async function runPipeline(files: string[], ocr: OcrPool, spool: string, onDone?: (done: number) => void): Promise<PipelineRun> {
  const { imaging } = defaultDeps();
  const results: PageResult[] = [];
  const queue: { file: string; result: PageResult }[] = [];
  let inFlight = 0;
  let done = 0;
  let importing = true;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const markDone = () => {
    done++;
    onDone?.(done);
    if (!importing && done === results.length) finish();
  };
  const pump = () => {
    while (inFlight < ocr.size && queue.length > 0) {
      const job = queue.shift() as { file: string; result: PageResult };
      inFlight++;
      ocr
        .recognize(fs.readFileSync(job.file))
        .then((o) => {
          job.result.text = o.text;
          job.result.pageNumber = o.pageNumber;
        })
        .catch(() => {
          job.result.failed = true;
        })
        .finally(() => {
          fs.rmSync(job.file, { force: true });
          inFlight--;
          markDone();
          pump();
        });
    }
  };
  const signal = new AbortController().signal;
  let k = 0;
  for await (const page of imaging.ingest({ kind: 'files', files }, { signal, ocr, onTotal: () => undefined })) {
    const result: PageResult = page.ok
      ? { rotation: page.processed.rotation, blank: page.processed.blank, text: '', pageNumber: null, failed: false }
      : { rotation: null, blank: null, text: '', pageNumber: null, failed: true };
    results.push(result);
    if (page.ok && !page.processed.blank) {
      const file = path.join(spool, `q-${k++}.jpg`);
      fs.writeFileSync(file, page.processed.jpeg);
      queue.push({ file, result });
      pump();
    } else {
      markDone();
    }
  }
  importing = false;
  if (done === results.length) finish();
  await finished;
  return { results };
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const share = (ok: number, n: number) => (n === 0 ? '—' : `${((ok / n) * 100).toFixed(0)}%（${ok}/${n}）`);
const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const pass = (ok: boolean) => (ok ? '通过' : '未通过');
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

interface RssRun {
  pages: number;
  /** Highest RSS while pages 1–100 were done, and while the last 100 were. */
  firstWindow: number;
  lastWindow: number;
  peak: number;
  recycled: number;
  pagesPerMinute: number;
}

const RSS_WINDOW = 100;

/**
 * The pipeline over `count` pages (the generated ones repeated) with the process RSS sampled
 * throughout. RSS swings by a hundred MB as workers are recycled and image buffers come and go,
 * so growth is judged on the highest value in the first and in the last 100 pages, not on two
 * single samples.
 */
async function rssRun(files: string[], count: number, ocr: OcrPool, work: string): Promise<RssRun> {
  const links = path.join(work, 'rss');
  fs.mkdirSync(links, { recursive: true });
  const list: string[] = [];
  for (let i = 0; i < count; i++) {
    const link = path.join(links, `r-${String(i + 1).padStart(5, '0')}.jpg`);
    if (!fs.existsSync(link)) fs.symlinkSync(files[i % files.length] as string, link);
    list.push(link);
  }
  const window = Math.min(RSS_WINDOW, Math.floor(count / 2));
  let done = 0;
  let peak = 0;
  let firstWindow = 0;
  let lastWindow = 0;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    if (done < window) firstWindow = Math.max(firstWindow, rss);
    if (done >= count - window) lastWindow = Math.max(lastWindow, rss);
  };
  const timer = setInterval(sample, 200);
  const recycledBefore = ocr.recycled;
  const started = Date.now();
  await runPipeline(list, ocr, path.join(work, 'spool'), (n) => {
    done = n;
    sample();
    if (n % 50 === 0) log(`内存测试：${n}/${count} 页，RSS ${mb(process.memoryUsage().rss)}`);
  });
  clearInterval(timer);
  return { pages: count, firstWindow, lastWindow, peak, recycled: ocr.recycled - recycledBefore, pagesPerMinute: count / ((Date.now() - started) / 60000) };
}

export async function run(args: string[]): Promise<void> {
  const count = Math.max(CHUNK, Number(arg(args, 'pages') ?? 40));
  const rssPages = Number(arg(args, 'rss-pages') ?? 0);
  const cores = os.availableParallelism();
  const keep = args.includes('--keep') || arg(args, 'dir') !== undefined;
  const work = arg(args, 'dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-bench-ocr-'));
  fs.mkdirSync(work, { recursive: true });
  const spool = path.join(work, 'spool');
  fs.mkdirSync(spool, { recursive: true });
  try {
    const { files, truths } = await generate(work, count);
    const native = nativeAvailable();
    if (!native) log('未找到原生 tesseract（含 chi_sim），原生一列显示“未安装”');

    log(`启动 OCR 池（${cores} 核）…`);
    const startedPool = Date.now();
    const pool = (await defaultDeps().createOcr()) as OcrPool;
    // Start every slot's workers before timing (the app starts its pool once per workspace).
    await Promise.all(Array.from({ length: pool.size }, (_, i) => pool.recognize(fs.readFileSync(files[i % files.length] as string)).catch(() => undefined)));
    const poolStartMs = Date.now() - startedPool;

    const ours: PageResult[] = [];
    const nativeTexts: string[] = [];
    let oursMs = 0;
    let nativeMs = 0;
    for (let c = 0; c * CHUNK < count; c++) {
      const chunk = files.slice(c * CHUNK, (c + 1) * CHUNK);
      const runOurs = async () => {
        const t = Date.now();
        const r = await runPipeline(chunk, pool, spool);
        oursMs += Date.now() - t;
        ours.push(...r.results);
      };
      const runNativeChunk = async () => {
        if (!native) return;
        const t = Date.now();
        nativeTexts.push(...(await runNative(chunk, cores)));
        nativeMs += Date.now() - t;
      };
      if (c % 2 === 0) {
        await runOurs();
        await runNativeChunk();
      } else {
        await runNativeChunk();
        await runOurs();
      }
      log(`第 ${c + 1} 组完成（${Math.min(count, (c + 1) * CHUNK)}/${count} 页）：本流程累计 ${(oursMs / 1000).toFixed(0)} s，原生累计 ${(nativeMs / 1000).toFixed(0)} s`);
    }

    let rss: RssRun | null = null;
    if (rssPages > 0) {
      // --recycle N runs the memory test with workers recycled every N reads (0: never), to measure N.
      const recycle = arg(args, 'recycle');
      const rssPool = recycle === undefined ? pool : createOcrPool({ recycleAfter: Number(recycle) > 0 ? Number(recycle) : Number.MAX_SAFE_INTEGER });
      rss = await rssRun(files, rssPages, rssPool, work);
      if (rssPool !== pool) await rssPool.close();
    }
    await pool.close();

    // Scores. Reference text is every line printed on the page, page number included.
    const reference = truths.map((t) => t.lines.join('\n'));
    const idx = (f: (t: Truth) => boolean) => truths.map((t, i) => (f(t) ? i : -1)).filter((i) => i >= 0);
    const upright = idx((t) => !t.blank && t.rotation === 0);
    const upside = idx((t) => !t.blank && t.rotation === 180);
    const texted = idx((t) => !t.blank);
    const cerOf = (texts: (string | undefined)[], set: number[]) => mean(set.map((i) => cer(reference[i] as string, texts[i] ?? '')));
    const ourTexts = ours.map((r) => r.text);
    const oursUpright = cerOf(ourTexts, upright);
    const oursUpside = cerOf(ourTexts, upside);
    const nativeUpright = native ? cerOf(nativeTexts, upright) : NaN;
    const nativeUpside = native ? cerOf(nativeTexts, upside) : NaN;
    const orientOk = texted.filter((i) => ours[i]?.rotation === truths[i]?.rotation).length;
    const upsideOk = upside.filter((i) => ours[i]?.rotation === 180).length;
    const blankOk = truths.filter((t, i) => ours[i]?.blank === t.blank).length;
    const nativeBlankOk = native ? truths.filter((t, i) => (nativeTexts[i] ?? '').trim() === '' === t.blank).length : 0;
    const numbered = idx((t) => !t.blank && t.pageNumber !== null);
    const numberOk = numbered.filter((i) => ours[i]?.pageNumber === truths[i]?.pageNumber).length;
    for (const i of numbered) {
      if (ours[i]?.pageNumber !== truths[i]?.pageNumber) log(`页码未读对：${path.basename(files[i] as string)} 印的是“${truths[i]?.pageNumberText}”，读出 ${ours[i]?.pageNumber ?? '无'}`);
    }
    for (const i of texted) {
      if (ours[i]?.rotation !== truths[i]?.rotation) log(`方向判断错：${path.basename(files[i] as string)} 应转 ${truths[i]?.rotation}°，判为 ${ours[i]?.rotation}°`);
    }
    const failures = ours.filter((r) => r.failed).length;
    const oursPpm = count / (oursMs / 60000);
    const nativePpm = native ? count / (nativeMs / 60000) : NaN;
    const ratio = oursPpm / nativePpm;
    const notInstalled = '未安装';
    const nat = (s: string) => (native ? s : notInstalled);
    const flat = rss ? rss.lastWindow <= rss.firstWindow * 1.1 : false;

    console.log(
      `\nOCR 基准：${count} 页 A4 300 dpi（正向 ${upright.length}、倒置 ${upside.length}、空白 ${count - texted.length}；含 ±3° 倾斜、噪点、泛黄纸），${cores} 核，同一次运行中交替测量（每组 ${CHUNK} 页）`,
    );
    console.log(`本流程：导入（方向、纠偏、空白）+ tesseract.js chi_sim（拉丁词再用 eng），行高缩放到 ${TARGET_LINE_PX} px；OCR 池启动 ${(poolStartMs / 1000).toFixed(1)} s（不计入）${failures ? `；失败 ${failures} 页` : ''}\n`);
    const rows: string[][] = [
      ['项目', '本流程', '原生 tesseract', '目标', '结果'],
      ['吞吐量（页/分钟）', oursPpm.toFixed(1), nat(nativePpm.toFixed(1)), '≥ 原生的 1.2 倍', native ? `${pass(ratio >= 1.2)}（${ratio.toFixed(2)} 倍）` : '—'],
      ['字符错误率（正向页）', pct(oursUpright), nat(pct(nativeUpright)), '不高于原生', native ? pass(oursUpright <= nativeUpright) : '—'],
      ['字符错误率（倒置页）', pct(oursUpside), nat(pct(nativeUpside)), '与正向页相同（不高于原生正向页）', native ? pass(oursUpside <= Math.max(nativeUpright, oursUpright + 0.005)) : pass(oursUpside <= oursUpright + 0.005)],
      ['方向判断正确率', share(orientOk, texted.length), nat('不判断'), '100%', pass(orientOk === texted.length)],
      ['倒置页转正', share(upsideOk, upside.length), nat('不处理'), '100%', pass(upsideOk === upside.length)],
      ['空白页判断正确率', share(blankOk, count), nat(`${share(nativeBlankOk, count)}（输出为空）`), '100%', pass(blankOk === count)],
      ['页码读取正确率', share(numberOk, numbered.length), nat('—'), '（参考）', ''],
      rss
        ? [
            '峰值内存 RSS',
            `${mb(rss.peak)}（${rss.pages} 页；前 ${RSS_WINDOW} 页最高 ${mb(rss.firstWindow)}，末 ${RSS_WINDOW} 页最高 ${mb(rss.lastWindow)}；回收 ${rss.recycled} 次）`,
            nat('—'),
            '不增长（末段 ≤ 前段 +10%）',
            pass(flat),
          ]
        : ['峰值内存 RSS', '未测（加 --rss-pages 500）', nat('—'), '500 页内不增长', '—'],
    ];
    if (rss) rows.push(['长批次吞吐量（页/分钟）', `${rss.pagesPerMinute.toFixed(1)}（${rss.pages} 页）`, nat('—'), '（参考）', '']);
    printTable(rows);
  } finally {
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
    else log(`页面保留在 ${work}`);
  }
}
