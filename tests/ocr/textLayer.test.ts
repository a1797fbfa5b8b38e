/**
 * The invisible text layer written from word boxes: poppler finds each word, in Chinese and Latin,
 * where its box is on the scan, and renders nothing of it.
 */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildSearchablePdf } from '../../electron/services/digitization/ocr/searchablePdf';
import { textLayerPdf, type TextLine } from '../../electron/services/digitization/ocr/textLayer';
import { pdfFonts, renderGray, savePdf } from '../documents/poppler';

const DPI = 300;
const PAGE = { width: 2480, height: 3508 };

/** pdftotext -bbox: every word with its box in points. */
function wordsOf(file: string): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-']).toString();
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5] ?? '',
  }));
}

const lines: TextLine[] = [
  {
    box: [300, 400, 1500, 460],
    words: [
      { text: '职工退休', bbox: [300, 400, 540, 460] },
      { text: '审批表', bbox: [600, 402, 780, 460] },
      { text: 'PERSONNEL', bbox: [900, 405, 1500, 458] },
    ],
  },
  { box: [300, 3000, 700, 3046], words: [{ text: '第12页', bbox: [300, 3000, 700, 3046] }] },
];

describe('text layer', () => {
  it('puts every word where its box is on the page, invisibly, in the glyphless font', async () => {
    const layer = textLayerPdf(lines, PAGE.width, PAGE.height, DPI);
    expect(layer).not.toBeNull();
    const jpeg = await sharp({ create: { width: 248, height: 351, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    // The scan is drawn at its physical size from the page's pixels and dpi; the layer over it.
    const file = savePdf(await buildSearchablePdf([{ jpeg, widthPx: PAGE.width, heightPx: PAGE.height, dpi: DPI, textPdf: layer }]));
    const found = wordsOf(file);
    const pt = (px: number) => (px * 72) / DPI;
    for (const line of lines) {
      for (const w of line.words) {
        const hit = found.find((f) => f.text === w.text);
        expect(hit, w.text).toBeDefined();
        expect(hit!.x0).toBeCloseTo(pt(w.bbox[0]), 0);
        expect(hit!.x1).toBeCloseTo(pt(w.bbox[2]), 0);
        // Vertically the word sits on its line: the line's bottom is the baseline.
        expect(Math.abs(hit!.y1 - pt(line.box[3]))).toBeLessThan(1.5);
        expect(Math.abs(hit!.y0 - pt(line.box[1]))).toBeLessThan(1.5);
      }
    }
    expect(found.map((f) => f.text).sort()).toEqual(['PERSONNEL', '职工退休', '审批表', '第12页'].sort());
    expect(pdfFonts(file)).toEqual([expect.objectContaining({ name: 'GlyphLessFont', emb: true, uni: true })]);
    // Invisible: the rendered page stays white where the words are.
    const { px } = renderGray(file, 1, 30);
    expect(Math.min(...px)).toBeGreaterThan(240);
  });

  it('writes no layer for a page without words', () => {
    expect(textLayerPdf([], PAGE.width, PAGE.height, DPI)).toBeNull();
    expect(textLayerPdf([{ box: [0, 0, 10, 10], words: [] }], PAGE.width, PAGE.height, DPI)).toBeNull();
  });
});
