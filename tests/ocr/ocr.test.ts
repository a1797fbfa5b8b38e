/**
 * The OCR pool on generated pages (Noto Sans SC from resources/fonts, so no system CJK font is
 * needed): Chinese text within a measured error rate, Chinese + English, orientation, blank pages,
 * printed page numbers, offline language data and worker recycling. Pages are kept small (a
 * third of an A4 page, 300 dpi) so the file stays well under 90 s on two shared cores.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cer, generatePage, type PageNumberPlace, type PageNumberStyle, type PageVariant } from '../../bench/fixtures/generatePages';
import { createOcrPool } from '../../electron/services/digitization/ocr/pool';
import { createTesseractWorker, OCR_LANGS, resolveLangPath } from '../../electron/services/digitization/ocr/tessdata';
import { textPage } from '../digitization/fixtures';
import { tempDir } from '../helpers/temp';

/** Measured: 0–0.6% on these pages (see bench/ocr.ts for full pages); the bound leaves room for noise. */
const MAX_CER = 0.03;
const SMALL: PageVariant = { width: 2480, height: 1200, lines: 6 };

const pool = createOcrPool({ size: 1 });
afterAll(() => pool.close());

/** The page as the imaging code hands it to orientation detection: greyscale PNG at half size. */
async function halfGrey(jpeg: Buffer): Promise<Buffer> {
  const meta = await sharp(jpeg).metadata();
  return sharp(jpeg).resize({ width: Math.round((meta.width ?? 0) / 2) }).greyscale().png().toBuffer();
}

describe('language data, offline', () => {
  it('reads language data only from a local folder: both models there, and a clear error for an empty one', async () => {
    const dir = resolveLangPath();
    expect(path.isAbsolute(dir)).toBe(true);
    for (const lang of OCR_LANGS) expect(fs.statSync(path.join(dir, `${lang}.traineddata.gz`)).size).toBeGreaterThan(1_000_000);
    // An empty folder is an error naming the missing file; nothing is fetched from elsewhere.
    const empty = tempDir('archivedesk-tessdata-');
    await expect(createTesseractWorker('chi_sim+eng', empty)).rejects.toThrow(/缺少文字识别语言数据.*chi_sim\.traineddata\.gz/);
  });

  it('loads chi_sim+eng from a local copy without the garbled sub-language, and reads a mixed line', async () => {
    const dir = tempDir('archivedesk-tessdata-');
    for (const lang of OCR_LANGS) fs.copyFileSync(path.join(resolveLangPath(), `${lang}.traineddata.gz`), path.join(dir, `${lang}.traineddata.gz`));
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    const capture = (chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      const worker = await createTesseractWorker('chi_sim+eng', dir);
      const line = await generatePage(2, { width: 2480, height: 300, noTitle: true, bodyLines: ['档案编号 HR2024-0057 Personnel Record'] });
      const r = await worker.recognize(await sharp(line.jpeg).resize({ width: 1000 }).greyscale().png().toBuffer());
      await worker.terminate();
      // The worker thread's output reaches this thread's streams a moment later.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(r.data.text).toMatch(/Personnel Record/);
      expect(r.data.text.replace(/\s/g, '')).toContain('档案编号');
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    }
    // Without the fix tesseract prints "Error opening data file ./玂臎.traineddata … Failed loading language".
    expect(printed.join('')).not.toMatch(/Error opening data file|Failed loading language/);
  });
});

describe('recognition', () => {
  it('reads a generated Chinese page within the measured character error rate, boxes in page pixels', async () => {
    const page = await generatePage(11, { ...SMALL, skewDegrees: 0 });
    const r = await pool.recognize(page.jpeg);
    const rate = cer(page.truth.lines.join('\n'), r.text);
    expect(rate).toBeLessThanOrEqual(MAX_CER);
    // No spaces between hanzi: the first body line comes back as one run of text.
    expect(r.text).toContain((page.truth.lines[1] ?? '').slice(0, 8));
    expect(r.confidence).toBeGreaterThan(70);
    expect(r.textPdf).not.toBeNull();
    // Word boxes are in the page's own pixels (OCR ran at about 0.4 of full size).
    const right = Math.max(...r.words.map((w) => w.bbox[2]));
    expect(right).toBeGreaterThan(page.width * 0.6);
    expect(right).toBeLessThanOrEqual(page.width);
    expect(Math.max(...r.words.map((w) => w.bbox[3]))).toBeLessThanOrEqual(page.height);
  });

  it('reads English inside Chinese text with its spaces (Latin words re-read with the English model)', async () => {
    const bodyLines = ['Personnel file of Wang Jianguo, transferred in 1998.', '原单位：Shanghai Textile Machinery Factory'];
    const page = await generatePage(4, { width: 2480, height: 700, noTitle: true, bodyLines });
    const r = await pool.recognize(page.jpeg);
    expect(r.text).toContain('Personnel file of Wang Jianguo');
    expect(r.text).toMatch(/原单位[:：] ?Shanghai Textile Machinery Factory/);
  });

  it('reports a blank side (specks and noise) as no text', async () => {
    const page = await generatePage(3, { blank: true, noise: true });
    const r = await pool.recognize(page.jpeg);
    expect(r).toMatchObject({ text: '', words: [], pageNumber: null, textPdf: null });
  });

  const numbers: [PageNumberStyle, PageNumberPlace, number][] = [
    ['plain', 'bottom-centre', 7],
    ['dashes', 'bottom-right', 12],
    ['dashes', 'bottom-centre', 7],
    ['emdashes', 'bottom-centre', 23],
    ['di-ye', 'bottom-right', 45],
    ['of-total', 'top-right', 8],
  ];
  it.each(numbers)('reads the printed page number %s (%s) from the margin', async (style, place, value) => {
    const page = await generatePage(value, { width: 2480, height: 1600, lines: 3, pageNumber: { value, style, place, total: 60 } });
    const r = await pool.recognize(page.jpeg);
    expect(r.pageNumber).toBe(value);
  });
});

describe('orientation', () => {
  it('turns upside-down pages (also skewed, noisy or yellowed) and leaves upright ones', async () => {
    const cases: [PageVariant, number][] = [
      [{ upsideDown: true }, 180],
      [{ upsideDown: true, skewDegrees: 2.5, noise: true }, 180],
      [{ upsideDown: true, yellowed: true, skewDegrees: -3 }, 180],
      [{ skewDegrees: -2.8, noise: true }, 0],
    ];
    for (const [variant, rotation] of cases) {
      const page = await generatePage(21, { ...variant, lines: 10, height: 2000 });
      const r = await pool.detectOrientation(await halfGrey(page.jpeg));
      expect(r.rotation, JSON.stringify(variant)).toBe(rotation);
      expect(r.confidence).toBeGreaterThan(50);
    }
  });

  it('turns Latin pages by the whole line read in English: a capital title upside down reads as well as upright in Chinese', async () => {
    const page = await textPage({ title: 'PAGE ONE', lines: ['The first page of the file'], pageNo: 1 });
    const wage = await textPage({ title: 'WAGE RECORD', lines: ['Monthly wage 62 yuan', 'Approved 1980.7.1'], pageNo: 3 });
    for (const [png, turn] of [[page, 0], [page, 180], [wage, 0], [wage, 180]] as const) {
      const turned = await sharp(png).rotate(turn).png().toBuffer();
      expect((await pool.detectOrientation(await halfGrey(turned))).rotation, `${turn}`).toBe(turn);
    }
  });

  it('finds the quarter turn of a page lying on its side, and calls a blank page upright', async () => {
    const page = await generatePage(22, { lines: 10, height: 2000 });
    const sideways = await sharp(page.jpeg).rotate(270).jpeg().toBuffer();
    expect((await pool.detectOrientation(await halfGrey(sideways))).rotation).toBe(90);
    const blank = await generatePage(2, { blank: true });
    expect(await pool.detectOrientation(await halfGrey(blank.jpeg))).toEqual({ rotation: 0, confidence: 0 });
  });

  it('reads a skewed page lying on its side either way round, measuring the skew itself or taking the one processing found', async () => {
    // Turned pages keep their skew in the same sense (rotations commute); measured by processing as −2.5.
    const page = await generatePage(23, { lines: 10, height: 2000, skewDegrees: -2.5, noise: true });
    for (const [turn, rotation] of [[90, 270], [270, 90]] as const) {
      const grey = await halfGrey(await sharp(page.jpeg).rotate(turn).jpeg().toBuffer());
      for (const hint of [undefined, { skewDegrees: -2.5 }]) {
        const r = await pool.detectOrientation(grey, hint);
        expect(r.rotation, `${turn} ${JSON.stringify(hint)}`).toBe(rotation);
        expect(r.confidence).toBeGreaterThan(50);
      }
    }
  });
});

describe('pool', () => {
  it('recycles workers after the set number of reads and keeps working; a closed pool refuses work', async () => {
    const small = createOcrPool({ size: 1, recycleAfter: 1 });
    const page = await generatePage(5, { upsideDown: true, lines: 10, height: 2000 });
    const grey = await halfGrey(page.jpeg);
    expect((await small.detectOrientation(grey)).rotation).toBe(180);
    expect((await small.detectOrientation(grey)).rotation).toBe(180);
    expect(small.recycled).toBeGreaterThanOrEqual(2);
    await small.close();
    await expect(small.recognize(page.jpeg)).rejects.toThrow('文字识别已关闭');
  });
});
