/** The OCR module's pure parts: text joining, Latin merging, page-number patterns, layout measures, the page generator. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { benchVariant, cer, generatePage, pageNumberLabel, type PageNumberStyle } from '../../bench/fixtures/generatePages';
import { isLatinWord, mergeLatin, type WordReading } from '../../electron/services/digitization/ocr/latin';
import { inkShare, inkThreshold, lineness, profile, textLineHeight } from '../../electron/services/digitization/ocr/layout';
import { marksInBand } from '../../electron/services/digitization/ocr/marginNumber';
import { MARGIN_BAND, parsePageNumber } from '../../electron/services/digitization/ocr/pageNumber';
import { ocrScale, TARGET_LINE_PX } from '../../electron/services/digitization/ocr/recognize';
import { joinWords, tidyLine } from '../../electron/services/digitization/ocr/text';

const word = (text: string, x0: number, x1: number, confidence = 80): WordReading => ({ text, confidence, bbox: { x0, y0: 0, x1, y1: 20 } });

async function grey(jpeg: Buffer, width: number) {
  const { data, info } = await sharp(jpeg).greyscale().resize({ width }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('text joining', () => {
  it('drops the spaces tesseract puts between hanzi and keeps those between Latin words', () => {
    expect(joinWords(['退休', '人', '员', 'Zhang', 'Wei', '于', '2019', '年', '办', '理', '。'])).toBe('退休人员 Zhang Wei 于2019年办理。');
    expect(tidyLine('原单 位 : Shanghai Textile Factory No. 2')).toBe('原单位: Shanghai Textile Factory No. 2');
    expect(joinWords(['Tel:', '010-6552', '3481'])).toBe('Tel: 010-6552 3481');
    expect(joinWords(['（', '附', '件', '）', '共', '3', '页'])).toBe('（附件）共3页');
  });
});

describe('Latin words re-read in English', () => {
  it('replaces a Latin word by the English reading inside it when that is at least as confident', () => {
    const line = [word('学历', 0, 40, 90), word('Personnelfile', 50, 200, 70), word('档案', 210, 250, 90)];
    const english = [word('FH', 0, 40, 30), word('Personnel', 50, 130, 92), word('file', 138, 200, 90), word('A:', 210, 250, 60)];
    expect(mergeLatin(line, english).map((w) => w.text)).toEqual(['学历', 'Personnel', 'file', '档案']);
  });

  it('keeps the Chinese reading of hanzi words and of Latin words the English model is less sure of', () => {
    const line = [word('学历：', 0, 40, 90), word('Bachelor', 50, 150, 95)];
    const english = [word('A:', 0, 40, 96), word('Bache1or', 50, 150, 60)];
    expect(mergeLatin(line, english).map((w) => w.text)).toEqual(['学历：', 'Bachelor']);
    expect(isLatinWord('2019')).toBe(false);
    expect(isLatinWord('No.2')).toBe(true);
    expect(isLatinWord('档案A')).toBe(false);
  });
});

describe('page numbers', () => {
  it('parses every printed pattern, including the Chinese model reading a dash as 一', () => {
    const cases: [string, number | null][] = [
      ['12', 12],
      ['-12-', 12],
      ['- 12 -', 12],
      ['— 12 —', 12],
      ['一 12 一', 12],
      ['第12页', 12],
      ['第 12 页', 12],
      ['12/30', 12],
      ['１２／３０', 12],
      ['退休审批表', null],
      ['0', null],
      ['2019年', null],
    ];
    for (const [text, n] of cases) expect(parsePageNumber(text), text).toBe(n);
    const styles: PageNumberStyle[] = ['plain', 'dashes', 'emdashes', 'di-ye', 'of-total'];
    for (const s of styles) expect(parsePageNumber(pageNumberLabel(37, s, 90)), s).toBe(37);
  });

  it('finds the number as a small mark in the margin band, apart from wide text lines', async () => {
    const page = await generatePage(8, { lines: 4, height: 1600, pageNumber: { value: 12, style: 'emdashes', place: 'bottom-right' } });
    const g = await grey(page.jpeg, 800);
    const t = inkThreshold(g);
    const band = Math.round(g.height * MARGIN_BAND);
    const bottom = marksInBand(g, t, g.height - band, g.height);
    expect(bottom).toHaveLength(1);
    // "— 12 —" stays one mark, at the right, about as tall as a line of small print.
    expect(bottom[0]?.left).toBeGreaterThan(g.width * 0.6);
    expect(bottom[0]?.height).toBeLessThan(12);
    // The top band holds the title (a short line too): it is a candidate, the body lines are not.
    expect(marksInBand(g, t, 0, band).every((m) => m.width <= g.width * 0.3)).toBe(true);
    const blank = await generatePage(8, { blank: true, noise: true });
    const gb = await grey(blank.jpeg, 800);
    expect(marksInBand(gb, inkThreshold(gb), gb.height - band, gb.height)).toHaveLength(0);
  });
});

describe('layout measures', () => {
  it('measures the text line height of generated pages in proportion to the font size', async () => {
    const heights: number[] = [];
    for (const pt of [10.5, 12, 16]) {
      const p = await generatePage(5, { fontPt: pt, lines: 8, height: 1400, noTitle: true });
      const g = await grey(p.jpeg, 800);
      const h = textLineHeight(g, inkThreshold(g));
      expect(h).not.toBeNull();
      heights.push(((h as number) * p.width) / g.width);
    }
    // Line height ≈ 0.9 em at 300 dpi (12 pt = 50 px).
    expect(heights[0]).toBeGreaterThan(34);
    expect(heights[1]).toBeGreaterThan(heights[0] as number);
    expect(heights[2]).toBeGreaterThan(heights[1] as number);
    expect(heights[2]).toBeLessThan(72);
  });

  it('scales any text size to the target line height, and tells lines across from lines down', async () => {
    const p = await generatePage(7, { fontPt: 16, lines: 8, height: 1400 });
    const g = await grey(p.jpeg, 800);
    const t = inkThreshold(g);
    const scale = ocrScale({ ...g, scale: g.width / p.width }, t);
    const lineAtScale = ((textLineHeight(g, t) as number) * p.width) / g.width * scale;
    expect(Math.abs(lineAtScale - TARGET_LINE_PX)).toBeLessThan(2);
    expect(lineness(profile(g, t))).toBeGreaterThan(lineness(profile(g, t, true)));
    expect(inkShare(g, t)).toBeGreaterThan(0.01);
  });
});

describe('page generator', () => {
  it('is deterministic and returns the printed text as ground truth', async () => {
    const a = await generatePage(3, { lines: 4, height: 1200, pageNumber: { value: 9, style: 'di-ye' } });
    const b = await generatePage(3, { lines: 4, height: 1200, pageNumber: { value: 9, style: 'di-ye' } });
    expect(a.jpeg.equals(b.jpeg)).toBe(true);
    expect(a.truth.lines).toHaveLength(6); // title, four lines, the page number
    expect(a.truth.lines.at(-1)).toBe('第9页');
    expect(a.truth.pageNumber).toBe(9);
    const meta = await sharp(a.jpeg).metadata();
    expect([meta.width, meta.height, meta.density]).toEqual([2480, 1200, 300]);
  });

  it('makes blank sides with specks that still count as blank, and mixes the benchmark variants', async () => {
    const blank = await generatePage(1, { blank: true, noise: true, pageNumber: { value: 1, style: 'plain' } });
    expect(blank.truth).toMatchObject({ blank: true, text: '', pageNumber: null, rotation: 0 });
    const g = await grey(blank.jpeg, 600);
    expect(inkShare(g, inkThreshold(g))).toBeLessThan(0.002);
    const mix = Array.from({ length: 20 }, (_, i) => benchVariant(i));
    expect(mix.filter((v) => v.blank)).toHaveLength(2);
    expect(mix.filter((v) => v.upsideDown)).toHaveLength(4);
    expect(mix.every((v) => Math.abs(v.skewDegrees ?? 0) <= 3)).toBe(true);
    expect(cer('档案工作', '档案工做')).toBeCloseTo(0.25);
    expect(cer('档 案', '档案')).toBe(0);
  });
});
