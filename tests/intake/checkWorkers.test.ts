/**
 * Phases (a) and (b) in worker threads: the same records, findings and page-number candidates as
 * in-process; thumbnails of unusual page images (16-bit, CMYK, alpha) come out as one grey channel;
 * the near-duplicate comparison's early stop never changes a decision.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateDelivery } from '../../bench/fixtures/deliveryGenerator';
import { runChecks } from '../../electron/services/intake/check/engine';
import type { PageNumberInput, PageNumberReader } from '../../electron/services/intake/check/pageNumbers';
import { analyseThumb, printSimilarity, type Thumb } from '../../electron/services/intake/check/thumbAnalysis';
import { decodeThumb } from '../../electron/services/intake/check/thumbnail';
import { readRoster } from '../../electron/services/intake/roster/readRoster';
import { tempDir } from '../helpers/temp';

/** Records what phase (c) would be asked to read, and reads nothing. */
function recordingReader(): { reader: PageNumberReader; asked: string[] } {
  const asked: string[] = [];
  const reader: PageNumberReader = {
    read: (input: PageNumberInput) => {
      asked.push(JSON.stringify([input.page, input.width, input.candidates, input.thumbScale]));
      return Promise.resolve(null);
    },
    close: () => Promise.resolve(),
  };
  return { reader, asked };
}

describe('intake check workers', () => {
  it('gives the same result in worker threads as in-process', async () => {
    const dir = tempDir();
    const d = await generateDelivery({ dir, persons: 6, pages: [4, 6], width: 1240, defects: ['skew', 'near-duplicate', 'exact-duplicate', 'unreadable', 'low-dpi'], concurrency: 2 });
    const roster = await readRoster(d.rosterFile);
    const phases: string[] = [];
    const inWorkers = recordingReader();
    const a = await runChecks(roster, { packageDir: d.packageDir, pageNumbers: inWorkers.reader, workers: 2, onProgress: (p) => phases.push(p.phase) });
    const inProcess = recordingReader();
    const b = await runChecks(roster, { packageDir: d.packageDir, pageNumbers: inProcess.reader, workers: 0 });
    expect(a.findings).toEqual(b.findings);
    expect(a.folders).toEqual(b.folders);
    expect(inWorkers.asked.sort()).toEqual(inProcess.asked.sort());
    expect(a.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['SKEW', 'DUPLICATE_IMAGE', 'UNREADABLE_IMAGE', 'LOW_DPI']));
    // The UI's phases are all reported, in order.
    expect([...new Set(phases)]).toEqual(['scan', 'hashing', 'decoded', 'page-numbers']);
    expect(a.timings.hashingCpuMs).toBeGreaterThan(0);
    expect(a.timings.decodedCpuMs).toBeGreaterThan(0);
  });

  it('decodes unusual page images to one grey channel, close to greyscale before the reduction', async () => {
    const width = 1240;
    const height = 1754;
    const page = await sharp({ create: { width, height, channels: 3, background: { r: 236, g: 232, b: 214 } } })
      .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><rect x="120" y="300" width="900" height="24" fill="#202020"/><text x="1080" y="90" font-size="44" fill="#202020">17</text></svg>`) }])
      .removeAlpha()
      .png()
      .toBuffer();
    const variants: [string, Buffer][] = [
      ['JPEG', await sharp(page).jpeg().toBuffer()],
      ['CMYK JPEG', await sharp(page).toColourspace('cmyk').jpeg().toBuffer()],
      ['RGBA TIFF', await sharp(page).ensureAlpha(1).tiff({ compression: 'lzw' }).toBuffer()],
      ['16-bit TIFF', await sharp(page).toColourspace('rgb16').tiff({ compression: 'lzw' }).toBuffer()],
      ['grey TIFF', await sharp(page).greyscale().tiff({ compression: 'lzw' }).toBuffer()],
    ];
    for (const [label, bytes] of variants) {
      const thumb = await decodeThumb(bytes, 0, width, { maxPixels: 100_000_000 });
      // What the pipeline did before grey moved after the reduction.
      const reference = await sharp(bytes).resize({ width: 310, kernel: 'linear' }).greyscale().raw().toBuffer();
      expect(thumb.width, label).toBe(310);
      expect(thumb.data.length, label).toBe(thumb.width * thumb.height);
      let off = 0;
      for (let i = 0; i < thumb.data.length; i++) off += Math.abs((thumb.data[i] as number) - (reference[i] as number));
      expect(off / thumb.data.length, label).toBeLessThan(0.5);
      const a = analyseThumb(thumb);
      expect(a.blank, label).toBe(false);
      expect(a.numberBoxes.length, label).toBeGreaterThan(0);
    }
  });

  it('stops comparing ink prints early only when the pair cannot be a near-duplicate', () => {
    const lines = (seed: number, shift: number): Thumb => {
      const w = 310;
      const h = 439;
      const data = new Uint8Array(w * h).fill(235);
      let s = seed;
      for (let y = 40; y < 400; y += 9) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const len = 120 + (s % 150);
        for (let x = 30; x < 30 + len; x++) for (let dy = 0; dy < 3; dy++) data[(y + dy + shift) * w + x + shift] = 40;
      }
      return { data, width: w, height: h };
    };
    const page = analyseThumb(lines(1, 0)).print;
    const rescan = analyseThumb(lines(1, 1)).print;
    const other = analyseThumb(lines(7, 0)).print;
    if (!page || !rescan || !other) throw new Error('no ink');
    for (const [x, y] of [
      [page, rescan],
      [page, other],
      [rescan, other],
    ] as const) {
      const exact = printSimilarity(x, y);
      for (const t of [0.5, 0.9, 0.95, 0.99]) {
        const quick = printSimilarity(x, y, t);
        expect(quick >= t).toBe(exact >= t);
        if (exact >= t) expect(quick).toBe(exact);
      }
    }
    expect(printSimilarity(page, rescan)).toBeGreaterThan(0.95);
  });
});
