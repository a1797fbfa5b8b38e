/**
 * The DC-image JPEG reader (electron/services/intake/check/jpeg/): a baseline JPEG at 1/8 scale from
 * its DC coefficients must be byte-for-byte libjpeg-turbo's `djpeg -scale 1/8 -grayscale` output, or
 * null when the file has to be decoded the ordinary way — never an exception, never a hang, whatever
 * the bytes. Plus light coverage of its user, thumbnail.ts (decodeThumb, halve).
 *
 * Every expected image comes from djpeg at test time (or, for halve, from arithmetic done by hand);
 * needs the libjpeg-turbo command line tools (Debian libjpeg-turbo-progs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJpegDc, type DcImage } from '../../electron/services/intake/check/jpeg/dcImage';
import { decodeThumb, halve, thumbWidthFor } from '../../electron/services/intake/check/thumbnail';
import {
  cjpeg,
  djpegDc,
  djpegDcMany,
  dqtPrecisions,
  encodeGreyStream,
  frameOf,
  jpegtran,
  pagePixels,
  prng,
  requireJpegTools,
  segment,
  segments,
  SIMPLE_DC,
  writePnm,
  type DjpegResult,
  type GreyBlock,
  type GreyImage,
} from '../helpers/jpegFixtures';

/** The app's pixel limit (digitization/imaging/decode.ts). */
const MAX_PIXELS = 150_000_000;
const PAGE_W = 1200;
const PAGE_H = 1700;

let dir = '';
/** The test page, RGB, and its PPM for cjpeg. */
let page: Buffer;
let pagePpm = '';
const ppmCache = new Map<string, string>();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-jpegdc-'));
  page = pagePixels(PAGE_W, PAGE_H, 7);
  pagePpm = path.join(dir, 'page.ppm');
  writePnm(pagePpm, page, PAGE_W, PAGE_H, 3);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A w×h crop of the page (RGB) at (x, y): from (90, 90) on, a crop holds text strokes as well as paper. */
function crop(x: number, y: number, w: number, h: number): Buffer {
  const out = Buffer.alloc(w * h * 3);
  for (let r = 0; r < h; r++) page.copy(out, r * w * 3, ((y + r) * PAGE_W + x) * 3, ((y + r) * PAGE_W + x + w) * 3);
  return out;
}

/** A PPM of the page at this size (a crop from the text area, or the whole page). */
function ppm(w: number, h: number): string {
  const key = `${w}x${h}`;
  let file = ppmCache.get(key);
  if (!file) {
    file = path.join(dir, `page-${key}.ppm`);
    const x = w === PAGE_W ? 0 : 90;
    const y = h === PAGE_H ? 0 : 90;
    writePnm(file, w === PAGE_W && h === PAGE_H ? page : crop(x, y, w, h), w, h, 3);
    ppmCache.set(key, file);
  }
  return file;
}

const rawOf = (w: number, h: number) => sharp(w === PAGE_W && h === PAGE_H ? page : crop(90, 90, w, h), { raw: { width: w, height: h, channels: 3 } });

/** "identical", or a short description of how two grey images differ (a full diff of 30 000 bytes helps nobody). */
function difference(got: DcImage | GreyImage | null, want: GreyImage | null): string {
  if (!got || !want) return `got ${got ? 'an image' : 'null'}, want ${want ? 'an image' : 'null'}`;
  if (got.width !== want.width || got.height !== want.height) return `size ${got.width}×${got.height}, want ${want.width}×${want.height}`;
  if (got.data.length !== want.data.length) return `data length ${got.data.length}, want ${want.data.length}`;
  let count = 0;
  let first = -1;
  for (let i = 0; i < want.data.length; i++) {
    if (got.data[i] !== want.data[i]) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (!count) return 'identical';
  const x = first % want.width;
  const y = Math.floor(first / want.width);
  return `${count} of ${want.data.length} pixels differ; first at (${x}, ${y}): got ${got.data[first]}, want ${want.data[first]}`;
}

/** The file decodes cleanly in djpeg, and decodeJpegDc gives exactly its pixels. */
function expectExact(bytes: Uint8Array, label: string): void {
  const ref = djpegDc(bytes);
  expect(`${ref.status} ${ref.stderr}`, `${label}: djpeg should decode the fixture cleanly`).toBe('0 ');
  const got = decodeJpegDc(bytes, MAX_PIXELS);
  expect(got, `${label}: decodeJpegDc returned null`).not.toBeNull();
  expect(difference(got, ref.image), label).toBe('identical');
}

/** For files the reader may refuse: null, or exactly djpeg's (clean) output. */
function expectNullOrExact(bytes: Uint8Array, label: string): void {
  const ref = djpegDc(bytes);
  expect(`${ref.status} ${ref.stderr}`, `${label}: djpeg should decode the fixture cleanly`).toBe('0 ');
  const got = decodeJpegDc(bytes, MAX_PIXELS);
  // Soft: one test holds several such files, and each mismatch is worth seeing.
  if (got) expect.soft(difference(got, ref.image), `${label}: returned an image that is not djpeg's`).toBe('identical');
}

function expectNull(bytes: Uint8Array, label: string, maxPixels = MAX_PIXELS): void {
  let got: DcImage | null | undefined;
  expect(() => (got = decodeJpegDc(bytes, maxPixels)), label).not.toThrow();
  expect(got, label).toBeNull();
}

const sampling = (b: Uint8Array) => frameOf(b)?.comps.map((c) => `${c.h}x${c.v}`).join(',');
const appSegments = (b: Uint8Array) =>
  segments(b)
    .list.filter((s) => s.marker >= 0xe0 && s.marker <= 0xef)
    .map((s) => `APP${s.marker - 0xe0}:${Buffer.from(b.subarray(s.at + 4, s.at + 4 + 11)).toString('latin1').split('\0')[0]}`);
/** RST markers in the entropy-coded data. */
function restartMarkers(b: Uint8Array): number {
  let n = 0;
  for (let i = segments(b).dataStart; i + 1 < b.length; i++) if (b[i] === 0xff && (b[i + 1] as number) >= 0xd0 && (b[i + 1] as number) <= 0xd7) n++;
  return n;
}
/** Whether the first DC table is the example table of the JPEG standard (K.3), i.e. not optimised. */
function standardLumaDcTable(b: Uint8Array): boolean {
  const dht = segment(b, 0xc4);
  return Buffer.from(b.subarray(dht.at + 4, dht.at + 4 + 17)).equals(Buffer.from([0x00, 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]));
}

it('has the libjpeg-turbo tools (djpeg is the reference; the tests fail, not skip, without it)', () => {
  requireJpegTools();
});

describe('decodeJpegDc: exactly djpeg -scale 1/8 -grayscale', () => {
  type Case = [name: string, make: () => Promise<Uint8Array> | Uint8Array, verify: (b: Uint8Array) => void];
  const cases: Case[] = [
    // sharp (libvips): chroma subsampling, quality, optimised and standard Huffman tables, metadata.
    ['sharp 4:2:0 q80 optimised', () => rawOf(PAGE_W, PAGE_H).jpeg({ quality: 80 }).toBuffer(), (b) => {
      expect(sampling(b)).toBe('2x2,1x1,1x1');
      expect(standardLumaDcTable(b)).toBe(false);
    }],
    ['sharp 4:4:4 q80', () => rawOf(PAGE_W, PAGE_H).jpeg({ quality: 80, chromaSubsampling: '4:4:4' }).toBuffer(), (b) => expect(sampling(b)).toBe('1x1,1x1,1x1')],
    ['sharp q5 standard tables', () => rawOf(PAGE_W, PAGE_H).jpeg({ quality: 5, optimiseCoding: false }).toBuffer(), (b) => expect(standardLumaDcTable(b)).toBe(true)],
    ['sharp q50 standard tables', () => rawOf(PAGE_W, PAGE_H).jpeg({ quality: 50, optimiseCoding: false }).toBuffer(), (b) => expect(standardLumaDcTable(b)).toBe(true)],
    ['sharp q95 4:4:4', () => rawOf(PAGE_W, PAGE_H).jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer(), (b) => expect(sampling(b)).toBe('1x1,1x1,1x1')],
    ['sharp q100', () => rawOf(PAGE_W, PAGE_H).jpeg({ quality: 100 }).toBuffer(), (b) => expect(b[segment(b, 0xdb).at + 5]).toBe(1)],
    ['sharp greyscale', () => rawOf(PAGE_W, PAGE_H).toColourspace('b-w').jpeg({ quality: 85 }).toBuffer(), (b) => expect(sampling(b)).toBe('1x1')],
    ['sharp with EXIF and ICC segments', () => rawOf(PAGE_W, PAGE_H).withExif({ IFD0: { ImageDescription: 'ArchiveDesk test page' } }).withIccProfile('p3').jpeg({ quality: 80 }).toBuffer(), (b) => {
      expect(appSegments(b)).toEqual(expect.arrayContaining(['APP1:Exif', 'APP2:ICC_PROFILE']));
    }],
    // cjpeg: sampling factors sharp cannot make, restart intervals, 16-bit quantisers.
    ['cjpeg 4:2:2 (2x1)', () => cjpeg(pagePpm, ['-sample', '2x1']), (b) => expect(sampling(b)).toBe('2x1,1x1,1x1')],
    ['cjpeg 4:1:1 (4x1)', () => cjpeg(pagePpm, ['-sample', '4x1']), (b) => expect(sampling(b)).toBe('4x1,1x1,1x1')],
    ['cjpeg 4:4:0 (1x2)', () => cjpeg(pagePpm, ['-sample', '1x2']), (b) => expect(sampling(b)).toBe('1x2,1x1,1x1')],
    ['cjpeg 3x1 luma', () => cjpeg(pagePpm, ['-sample', '3x1']), (b) => expect(sampling(b)).toBe('3x1,1x1,1x1')],
    ['cjpeg 2x3 luma', () => cjpeg(pagePpm, ['-sample', '2x3']), (b) => expect(sampling(b)).toBe('2x3,1x1,1x1')],
    ['cjpeg 4x2 luma (10 blocks per MCU)', () => cjpeg(pagePpm, ['-sample', '4x2,1x1,1x1']), (b) => expect(sampling(b)).toBe('4x2,1x1,1x1')],
    ['cjpeg greyscale', () => cjpeg(pagePpm, ['-grayscale']), (b) => expect(sampling(b)).toBe('1x1')],
    ['cjpeg greyscale declared 2x2 (one channel is coded block by block)', () => cjpeg(pagePpm, ['-grayscale', '-sample', '2x2']), (b) => expect(sampling(b)).toBe('2x2')],
    ['cjpeg -optimize', () => cjpeg(pagePpm, ['-optimize']), (b) => expect(standardLumaDcTable(b)).toBe(false)],
    ['cjpeg -restart 1 (every MCU row)', () => cjpeg(pagePpm, ['-restart', '1']), (b) => expect(restartMarkers(b)).toBe(Math.ceil(PAGE_H / 16) - 1)],
    ['cjpeg -restart 3B, 4:2:2, optimised', () => cjpeg(pagePpm, ['-restart', '3B', '-sample', '2x1', '-optimize']), (b) => {
      expect(restartMarkers(b)).toBe(Math.ceil((Math.ceil(PAGE_W / 16) * Math.ceil(PAGE_H / 8)) / 3) - 1);
    }],
    ['cjpeg greyscale -restart 1B (every block)', () => cjpeg(pagePpm, ['-grayscale', '-restart', '1B']), (b) => {
      expect(restartMarkers(b)).toBe(Math.ceil(PAGE_W / 8) * Math.ceil(PAGE_H / 8) - 1);
    }],
    ['cjpeg q1: 16-bit quantisers (SOF1)', () => cjpeg(pagePpm, ['-quality', '1']), (b) => {
      expect(dqtPrecisions(b)[0]).toBe(1);
      expect(frameOf(b)?.marker).toBe(0xc1);
    }],
    ['cjpeg q5 greyscale: 16-bit quantiser', () => cjpeg(pagePpm, ['-quality', '5', '-grayscale']), (b) => expect(dqtPrecisions(b)).toEqual([1])],
    ['cjpeg q5 -baseline: 8-bit quantisers', () => cjpeg(pagePpm, ['-quality', '5', '-baseline']), (b) => expect(dqtPrecisions(b)).toEqual([0, 0])],
    ['cjpeg q50 4:4:4', () => cjpeg(pagePpm, ['-quality', '50', '-sample', '1x1']), (b) => expect(sampling(b)).toBe('1x1,1x1,1x1')],
    ['cjpeg q95', () => cjpeg(pagePpm, ['-quality', '95']), () => undefined],
    ['cjpeg q100 greyscale', () => cjpeg(pagePpm, ['-quality', '100', '-grayscale']), (b) => expect(b[segment(b, 0xdb).at + 5]).toBe(1)],
    // Sizes that are not whole MCUs or blocks.
    ['sharp 1001×1403 4:2:0', () => rawOf(1001, 1403).jpeg({ quality: 75 }).toBuffer(), (b) => expect(frameOf(b)).toMatchObject({ width: 1001, height: 1403 })],
    ['cjpeg 1001×1403 4:1:1 -restart 3B', () => cjpeg(ppm(1001, 1403), ['-sample', '4x1', '-restart', '3B']), (b) => expect(restartMarkers(b)).toBeGreaterThan(100)],
    ['cjpeg 1001×1403 2x3 luma -restart 1', () => cjpeg(ppm(1001, 1403), ['-sample', '2x3', '-restart', '1']), (b) => expect(restartMarkers(b)).toBe(Math.ceil(1403 / 24) - 1)],
    ['cjpeg 1001×1403 greyscale', () => cjpeg(ppm(1001, 1403), ['-grayscale', '-optimize']), (b) => expect(sampling(b)).toBe('1x1')],
    ['sharp 17×9 4:2:0', () => rawOf(17, 9).jpeg({ quality: 90 }).toBuffer(), (b) => expect(frameOf(b)).toMatchObject({ width: 17, height: 9 })],
    ['sharp 17×9 4:4:4', () => rawOf(17, 9).jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer(), () => undefined],
    ['cjpeg 17×9 4:1:1', () => cjpeg(ppm(17, 9), ['-sample', '4x1']), () => undefined],
    ['cjpeg 17×9 greyscale -restart 1B', () => cjpeg(ppm(17, 9), ['-grayscale', '-restart', '1B']), (b) => expect(restartMarkers(b)).toBe(5)],
    ['sharp 8×8 4:2:0', () => rawOf(8, 8).jpeg({ quality: 90 }).toBuffer(), () => undefined],
    ['cjpeg 8×8 greyscale', () => cjpeg(ppm(8, 8), ['-grayscale']), () => undefined],
    ['sharp 1×1 4:2:0', () => rawOf(1, 1).jpeg({ quality: 90 }).toBuffer(), (b) => expect(frameOf(b)).toMatchObject({ width: 1, height: 1 })],
    ['cjpeg 1×1 greyscale', () => cjpeg(ppm(1, 1), ['-grayscale']), () => undefined],
  ];

  it.each(cases)('%s', async (name, make, verify) => {
    const bytes = await make();
    verify(bytes);
    expectExact(bytes, name);
  });

  it('the test page has both paper and ink at 1/8 scale (the comparisons are not of a flat image)', () => {
    const ref = djpegDc(cjpeg(pagePpm, ['-grayscale']));
    const values = new Set(ref.image?.data);
    expect(Math.min(...values)).toBeLessThan(170);
    expect(Math.max(...values)).toBeGreaterThan(220);
    expect(values.size).toBeGreaterThan(40);
  });

  it('reads the same buffer twice, and a small file after a large one (shared scratch buffer)', async () => {
    const large = await rawOf(PAGE_W, PAGE_H).jpeg({ quality: 80 }).toBuffer();
    const small = cjpeg(ppm(17, 9), ['-grayscale']);
    const a = decodeJpegDc(large, MAX_PIXELS);
    const b = decodeJpegDc(small, MAX_PIXELS);
    const c = decodeJpegDc(large, MAX_PIXELS);
    expect(difference(a, djpegDc(large).image)).toBe('identical');
    expect(difference(b, djpegDc(small).image)).toBe('identical');
    expect(difference(c, a)).toBe('identical');
    // The result does not alias the other call's memory.
    expect(a?.data.buffer).not.toBe(c?.data.buffer);
  });
});

describe('decodeJpegDc: null for what it must not read itself', () => {
  it('progressive (cjpeg, sharp, jpegtran)', async () => {
    expectNull(cjpeg(pagePpm, ['-progressive']), 'cjpeg -progressive');
    expectNull(await rawOf(PAGE_W, PAGE_H).jpeg({ progressive: true }).toBuffer(), 'sharp progressive');
    const baseline = cjpeg(ppm(1001, 1403), ['-grayscale']);
    expect(decodeJpegDc(baseline, MAX_PIXELS)).not.toBeNull();
    expectNull(jpegtran(baseline, ['-progressive']), 'jpegtran -progressive of a file it reads');
  });

  it('arithmetic coding', () => {
    const b = cjpeg(pagePpm, ['-arithmetic']);
    expect(frameOf(b)?.marker).toBe(0xc9);
    expectNull(b, 'cjpeg -arithmetic');
    expectNull(cjpeg(pagePpm, ['-arithmetic', '-grayscale']), 'cjpeg -arithmetic -grayscale');
  });

  it('RGB and CMYK colour', async () => {
    const rgb = cjpeg(pagePpm, ['-rgb']);
    expect(appSegments(rgb)).toContain('APP14:Adobe');
    expectNull(rgb, 'cjpeg -rgb');
    const cmyk = await rawOf(PAGE_W, PAGE_H).toColourspace('cmyk').jpeg().toBuffer();
    expect(frameOf(cmyk)?.comps).toHaveLength(4);
    expectNull(cmyk, 'sharp CMYK');
  });

  it('several scans (one component per scan, or luma then chroma)', () => {
    const oneEach = path.join(dir, 'one-each.scans');
    fs.writeFileSync(oneEach, '0;\n1;\n2;\n');
    const lumaThenChroma = path.join(dir, 'luma-chroma.scans');
    fs.writeFileSync(lumaThenChroma, '0;\n1,2;\n');
    for (const [name, file] of [['one component per scan', oneEach], ['luma, then chroma', lumaThenChroma]] as const) {
      const b = cjpeg(pagePpm, ['-scans', file]);
      const sos = segment(b, 0xda);
      expect(b[sos.at + 4], name).toBe(1); // the first scan carries one component
      expect(frameOf(b)?.marker, name).toBe(0xc0); // still a sequential frame
      expect(djpegDc(b).status, name).toBe(0);
      expectNull(b, `cjpeg -scans: ${name}`);
    }
  });

  it('12-bit and lossless frames', () => {
    const b = cjpeg(ppm(17, 9), ['-grayscale']);
    const sof = segment(b, 0xc0);
    const twelve = Uint8Array.from(b);
    twelve[sof.at + 4] = 12;
    expectNull(twelve, 'SOF0 precision 12');
    const lossless = Uint8Array.from(b);
    lossless[sof.at + 1] = 0xc3;
    expectNull(lossless, 'SOF3');
  });

  it('truncated inside the entropy-coded data, or in the headers', () => {
    for (const [name, b] of [
      ['4:2:0', cjpeg(pagePpm, [])],
      ['greyscale with restarts', cjpeg(pagePpm, ['-grayscale', '-restart', '2'])],
    ] as const) {
      const { dataStart } = segments(b);
      const entropy = b.length - 2 - dataStart;
      const cuts = [dataStart + 1, dataStart + Math.floor(entropy * 0.25), dataStart + Math.floor(entropy * 0.5), dataStart + Math.floor(entropy * 0.9), b.length - 40, b.length - 5, b.length - 3];
      for (const cut of cuts) {
        const t = b.subarray(0, cut);
        expect(djpegDc(t).stderr, `${name} cut at ${cut}: djpeg notices`).toMatch(/Premature end|Corrupt/);
        expectNull(t, `${name} cut at ${cut} of ${b.length}`);
        // The same cut, closed with an EOI as a careless tool would.
        expectNull(Buffer.concat([t, Buffer.from([0xff, 0xd9])]), `${name} cut at ${cut}, then EOI`);
      }
      for (const cut of [0, 1, 2, 3, 20, dataStart - 1, dataStart]) expectNull(b.subarray(0, cut), `${name} cut at ${cut} (headers)`);
    }
  });

  it('a restart marker with the wrong number, a missing one, or one too many', () => {
    const b = cjpeg(ppm(1001, 1403), ['-restart', '1']);
    const { dataStart } = segments(b);
    const rst: number[] = [];
    for (let i = dataStart; i + 1 < b.length; i++) if (b[i] === 0xff && (b[i + 1] as number) >= 0xd0 && (b[i + 1] as number) <= 0xd7) rst.push(i);
    expect(rst.length).toBe(Math.ceil(1403 / 16) - 1);
    expectExact(b, 'the unmodified file');
    for (const k of [0, 1, 7, 8, rst.length - 1]) {
      const at = rst[k] as number;
      for (const wrong of [1, 4]) {
        const w = Uint8Array.from(b);
        w[at + 1] = 0xd0 + ((k + wrong) & 7);
        expect(djpegDc(w).stderr, `RST ${k}`).toMatch(/Corrupt JPEG data/);
        expectNull(w, `restart marker ${k} numbered ${(k + wrong) & 7}`);
      }
    }
    // Marker 3 removed: interval 3's data runs into interval 4's.
    const r3 = rst[3] as number;
    expectNull(Buffer.concat([b.subarray(0, r3), b.subarray(r3 + 2)]), 'a restart marker missing');
    // An extra marker after the last interval.
    const eoi = b.length - 2;
    expectNull(Buffer.concat([b.subarray(0, eoi), Buffer.from([0xff, 0xd0 + (rst.length & 7), 0xff, 0xd9])]), 'a restart marker after the last interval');
  });

  it('over maxPixels (and not at exactly maxPixels)', () => {
    const b = cjpeg(ppm(1001, 1403), ['-grayscale']);
    expect(decodeJpegDc(b, 1001 * 1403)).not.toBeNull();
    expectNull(b, 'one pixel over the limit', 1001 * 1403 - 1);
    expectNull(b, 'no pixels allowed', 0);
  });

  it('empty, non-JPEG and nearly-empty bytes', async () => {
    const png = await rawOf(17, 9).png().toBuffer();
    const random = new Uint8Array(5000).map((_, i) => (i * 2654435761) >>> 24);
    for (const [name, b] of [
      ['empty', new Uint8Array(0)],
      ['one byte', Uint8Array.from([0xff])],
      ['SOI only', Uint8Array.from([0xff, 0xd8])],
      ['SOI EOI', Uint8Array.from([0xff, 0xd8, 0xff, 0xd9])],
      ['SOI then zeros', Uint8Array.from([0xff, 0xd8, ...new Array<number>(100).fill(0)])],
      ['SOI then 0xFF fill to the end', Uint8Array.from([0xff, 0xd8, ...new Array<number>(100).fill(0xff)])],
      ['PNG', png],
      ['text', Buffer.from('这不是图像 — not an image')],
      ['random bytes', random],
      ['random bytes after SOI', Uint8Array.from([0xff, 0xd8, ...random])],
    ] as const) {
      expectNull(b, name);
    }
  });
});

// ---- Hand-made streams: libjpeg's exact arithmetic and symbol rules -----------------------------

/** Absolute DC values (in quantiser units) as a row of blocks: the differences, each within ±2047. */
function dcRow(values: number[]): GreyBlock[] {
  let prev = 0;
  return values.map((v) => {
    const dc = v - prev;
    if (Math.abs(dc) > 2047) throw new Error('DC step too large');
    prev = v;
    return { dc };
  });
}

describe('decodeJpegDc on hand-made streams', () => {
  it('the hand encoder itself: an ordinary stream, with and without restarts, reads exactly', () => {
    const values = Array.from({ length: 48 }, (_, i) => Math.round(100 * Math.sin(i / 3)));
    const blocks = dcRow(values).map((b, i) => ({ ...b, ac: i % 3 === 0 ? [0x01, 0x11, 0xf0, 0x21, 0x00] : i % 3 === 1 ? [0x03, 0x00] : [0x00] }));
    for (const restartInterval of [0, 1, 5]) {
      // With restarts the DC prediction starts again from 0 after each marker, so the blocks then carry other values: still a valid stream.
      expectExact(encodeGreyStream({ width: 8 * 12, height: 8 * 4, dcQuant: 8, blocks, restartInterval }), `hand-made, restart ${restartInterval}`);
    }
  });

  it('DC values outside the 8-bit range give libjpeg\'s values (its range table wraps; it does not clamp)', () => {
    // Valid streams djpeg reads without a warning: only the DC values are unusual (a damaged or crafted
    // file). libjpeg (jidctred.c jpeg_idct_1x1): x = (int16 coefficient × int16 quantiser + 4) >> 3, then
    // range_limit[x & 1023]: clamp(x + 128) for x in −512..511, but outside that range it wraps around.
    const ramp = Array.from({ length: 41 }, (_, i) => (i - 20) * 40); // −800..800
    expectNullOrExact(encodeGreyStream({ width: 8 * ramp.length, height: 8, dcQuant: 8, blocks: dcRow(ramp) }), 'DC ×8 from −800 to 800');
    const far = [0, 2047, 4094, 6141, 8188, 6141, 4094, 2047, 0, -2047, -4094, -6141, -8188];
    expectNullOrExact(encodeGreyStream({ width: 8 * far.length, height: 8, dcQuant: 1, blocks: dcRow(far) }), 'DC ×1 up to ±8188');
    // Past 32767 the coefficient itself wraps (libjpeg keeps it as a 16-bit JCOEF).
    const huge = Array.from({ length: 24 }, (_, i) => i * 2047);
    expectNullOrExact(encodeGreyStream({ width: 8 * huge.length, height: 8, dcQuant: 1, blocks: dcRow(huge) }), 'DC past 32767');
    // A 16-bit quantiser over 32767 (libjpeg holds quantisers as 16-bit signed values in its IDCT tables).
    expectNullOrExact(encodeGreyStream({ width: 8 * 5, height: 8, dcQuant: 40000, blocks: dcRow([0, 1, 2, -1, -2]) }), 'DC quantiser 40000');
  });

  it('an in-range file whose DC quantiser was raised reads as djpeg reads it', () => {
    // The same damage on a real file: quality 100 (DC quantiser 1), the DQT's DC entry changed to 8.
    const b = cjpeg(ppm(1001, 1403), ['-grayscale', '-quality', '100']);
    const dqt = segment(b, 0xdb);
    expect(b[dqt.at + 4]).toBe(0x00); // 8-bit table 0
    expect(b[dqt.at + 5]).toBe(1);
    for (const q of [2, 4, 8, 40, 255]) {
      const m = Uint8Array.from(b);
      m[dqt.at + 5] = q;
      expectNullOrExact(m, `DC quantiser 1 → ${q}`);
    }
  });

  it('AC symbols of size 0 other than EOB and ZRL end the block, as in libjpeg', () => {
    // libjpeg's decoder: a zero-size AC symbol whose run is not 15 ends the block (`if (r != 15) break`),
    // so 0x10 is an end-of-block. The stream is built so that both readings use the same bits: DC size
    // 4 has code 0000 (= AC EOB) and its magnitude bits 1000 are the code of DC size 0.
    const dcTable = { counts: SIMPLE_DC.counts, symbols: [4, 1, 2, 3, 5, 6, 7, 8, 0, 9, 10, 11] };
    const acTable = { counts: [0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], symbols: [0x00, 0x10, 0x01] };
    const bytes = encodeGreyStream({ width: 16, height: 8, dcQuant: 8, dcTable, acTable, blocks: [{ dc: 40, ac: [0x10] }, { dc: 8, ac: [0x00] }] });
    expectNullOrExact(bytes, 'AC symbol 0x10');
  });

  it('colour-space hints: a JFIF segment only counts when libjpeg accepts it (14 data bytes)', () => {
    // Three channels with the ids R, G, B: libjpeg reads RGB unless a JFIF (≥ 16-byte APP0) or an
    // Adobe segment says otherwise; its grey output is then a mix of the three channels, not the first.
    const b = cjpeg(ppm(1001, 1403), []);
    const { list } = segments(b);
    const sof = segment(b, 0xc0);
    const sos = segment(b, 0xda);
    const app0 = list.find((s) => s.marker === 0xe0);
    expect(app0?.length).toBe(16);
    const withIds = (x: Uint8Array, ids: number[]) => {
      const y = Uint8Array.from(x);
      ids.forEach((id, i) => {
        y[sof.at + 10 + 3 * i] = id;
        y[sos.at + 5 + 2 * i] = id;
      });
      return y;
    };
    const rgbIds = withIds(b, [82, 71, 66]);
    const app0End = (app0?.at ?? 0) + 2 + (app0?.length ?? 0);
    const replaceApp0 = (seg: number[]) => Buffer.concat([rgbIds.subarray(0, app0?.at), Buffer.from(seg), rgbIds.subarray(app0End)]);
    expectExact(rgbIds, 'JFIF, ids R G B (JFIF wins)');
    expectExact(withIds(b, [7, 8, 9]), 'JFIF, other ids');
    expectNullOrExact(replaceApp0([]), 'no JFIF, ids R G B');
    expectNullOrExact(replaceApp0([0xff, 0xe0, 0, 7, 0x4a, 0x46, 0x49, 0x46, 0]), 'a 5-byte "JFIF\\0" APP0, ids R G B');
    expectNullOrExact(replaceApp0([0xff, 0xe0, 0, 15, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0]), 'a 13-byte JFIF APP0, ids R G B');
    const adobe = (transform: number) => [0xff, 0xee, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, transform];
    expectNullOrExact(replaceApp0(adobe(1)), 'Adobe transform 1 (YCbCr), ids R G B');
  });

  it('luma sampled less than chroma: libjpeg upsamples luma (or uses a 2×2 IDCT); the reader must not guess', () => {
    for (const s of ['1x1,2x2,2x2', '2x1,1x2,1x2', '1x2,2x1,1x1', '1x1,2x1,2x1']) {
      const b = cjpeg(ppm(1001, 1403), ['-sample', s]);
      expect(sampling(b)).toBe(s);
      expectNullOrExact(b, `sampling ${s}`);
    }
  });
});

// ---- Hostile bytes -------------------------------------------------------------------------------

interface WorkerResult {
  ms: number;
  threw?: string;
  image?: DcImage | null;
}

/**
 * Decodes each file in a worker thread, so that a hang fails the test (the worker is terminated)
 * instead of stalling the run.
 */
function decodeAllInWorker(files: Uint8Array[], maxPixels: number, timeoutMs: number): Promise<WorkerResult[]> {
  const source = path.join(__dirname, '../../electron/services/intake/check/jpeg/dcImage.ts');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    require('tsx/cjs/api').register();
    const { decodeJpegDc } = require(workerData.source);
    const results = [];
    workerData.files.forEach((f, i) => {
      parentPort.postMessage({ started: i });
      const t = performance.now();
      try {
        const image = decodeJpegDc(f, workerData.maxPixels);
        results.push({ ms: performance.now() - t, image });
      } catch (e) {
        results.push({ ms: performance.now() - t, threw: String((e && e.stack) || e) });
      }
    });
    parentPort.postMessage({ results });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { source, files, maxPixels } });
    let started = -1;
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`decodeJpegDc did not finish within ${timeoutMs} ms; hung on variant ${started}`));
    }, timeoutMs);
    worker.on('message', (m: { started?: number; results?: WorkerResult[] }) => {
      if (m.started !== undefined) started = m.started;
      if (m.results) {
        clearTimeout(timer);
        void worker.terminate();
        resolve(m.results);
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

interface Variant {
  name: string;
  bytes: Uint8Array;
}

/** Seeded damage to a valid file: bit flips and overwritten, inserted or deleted bytes, in the data or the headers. */
function mutate(base: Uint8Array, label: string, seed: number, count: number, where: 'entropy' | 'headers'): Variant[] {
  const rnd = prng(seed);
  const { dataStart } = segments(base);
  const pick = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo));
  const out: Variant[] = [];
  for (let i = 0; i < count; i++) {
    const b = Array.from(base);
    const lo = where === 'entropy' ? dataStart : 2;
    const hi = where === 'entropy' ? base.length - 2 : dataStart;
    const kind = i % 6;
    const edits: string[] = [];
    const times = kind === 1 ? 3 : 1;
    for (let t = 0; t < times; t++) {
      const at = pick(lo, hi);
      const old = b[at] as number;
      if (kind <= 1) b[at] = old ^ (1 << pick(0, 8));
      else if (kind === 2) b[at] = pick(0, 256);
      else if (kind === 3) b[at] = where === 'entropy' ? 0xff : (old + (rnd() < 0.5 ? 1 : 255)) & 0xff;
      else if (kind === 4) b.splice(at, 0, pick(0, 256));
      else b.splice(at, 1);
      edits.push(`${['flip', 'flip', 'set', where === 'entropy' ? 'set-ff' : '±1', 'insert', 'delete'][kind]}@${at}:${old.toString(16)}→${(b[at] as number).toString(16)}`);
    }
    out.push({ name: `${label} #${i} ${edits.join(' ')}`, bytes: Uint8Array.from(b) });
  }
  return out;
}

describe('decodeJpegDc on hostile bytes', () => {
  it('never throws or hangs; any image it returns is djpeg\'s when djpeg reads the bytes cleanly', async () => {
    // Small bases, so that a few hundred djpeg runs stay cheap: 4:2:0 with standard tables, and an
    // optimised greyscale file with a restart every 2 blocks.
    const a = cjpeg(ppm(96, 64), ['-quality', '75']);
    const g = cjpeg(ppm(64, 40), ['-grayscale', '-optimize', '-quality', '90', '-restart', '2B']);
    expectExact(a, 'base 4:2:0');
    expectExact(g, 'base greyscale');
    const variants = [
      ...mutate(a, '4:2:0 data', 707, 80, 'entropy'),
      ...mutate(a, '4:2:0 headers', 1414, 80, 'headers'),
      ...mutate(g, 'grey data', 2121, 70, 'entropy'),
      ...mutate(g, 'grey headers', 2828, 70, 'headers'),
    ];
    const results = await decodeAllInWorker(
      variants.map((v) => v.bytes),
      MAX_PIXELS,
      30_000,
    );
    const fuzzDir = path.join(dir, 'fuzz');
    fs.mkdirSync(fuzzDir);
    const refs = djpegDcMany(variants.map((v) => v.bytes), fuzzDir);
    const problems: string[] = [];
    let compared = 0;
    let refused = 0;
    let lenient = 0;
    variants.forEach((v, i) => {
      const r = results[i] as WorkerResult;
      if (r.threw) return problems.push(`${v.name}: threw ${r.threw}`);
      if (r.ms > 500) problems.push(`${v.name}: took ${r.ms.toFixed(0)} ms`);
      if (!r.image) return refused++;
      const ref = refs[i] as DjpegResult;
      if (ref.status === 0 && ref.stderr === '') {
        compared++;
        const d = difference(r.image, ref.image);
        if (d !== 'identical') problems.push(`${v.name}: djpeg reads it cleanly, but ${d}`);
        return;
      }
      // djpeg warned or failed: the image must at least have the size the frame header declares
      // (and djpeg's, if it wrote one).
      lenient++;
      const frame = frameOf(v.bytes);
      const want = frame ? `${Math.ceil(frame.width / 8)}×${Math.ceil(frame.height / 8)}` : 'no frame';
      const got = `${r.image.width}×${r.image.height}`;
      if (got !== want || r.image.data.length !== r.image.width * r.image.height) problems.push(`${v.name}: image ${got} (${r.image.data.length} bytes), frame says ${want}`);
      if (ref.image && `${ref.image.width}×${ref.image.height}` !== got) problems.push(`${v.name}: image ${got}, djpeg wrote ${ref.image.width}×${ref.image.height}`);
      return;
    });
    expect(problems.join('\n'), 'hostile-input failures').toBe('');
    // The run exercised both outcomes (not all refused, not all read).
    expect(compared).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(100);
    expect(compared + refused + lenient).toBe(variants.length);
  });
});

// ---- thumbnail.ts ---------------------------------------------------------------------------------

describe('halve', () => {
  it('is the rounded mean of each 2×2 block', () => {
    // (10+20+30+41)/4 = 25.25 → 25; (1+2+2+2)/4 = 1.75 → 2; (0+0+1+1)/4 = 0.5 → 1 (half up); 255s stay 255.
    expect(halve({ width: 2, height: 2, data: Uint8Array.from([10, 20, 30, 41]) })).toEqual({ width: 1, height: 1, data: Uint8Array.from([25]) });
    expect(halve({ width: 2, height: 2, data: Uint8Array.from([1, 2, 2, 2]) }).data).toEqual(Uint8Array.from([2]));
    expect(halve({ width: 2, height: 2, data: Uint8Array.from([0, 0, 1, 1]) }).data).toEqual(Uint8Array.from([1]));
    expect(halve({ width: 2, height: 2, data: Uint8Array.from([255, 255, 255, 255]) }).data).toEqual(Uint8Array.from([255]));
    // 4×2 → 2×1: (0+255+0+255)/4 = 127.5 → 128; (9+9+8+8)/4 = 8.5 → 9.
    expect(halve({ width: 4, height: 2, data: Uint8Array.from([0, 255, 9, 9, 0, 255, 8, 8]) })).toEqual({ width: 2, height: 1, data: Uint8Array.from([128, 9]) });
  });

  it('counts a lone last column or row alone (odd width and height)', () => {
    // 3×3: [1 2 3 / 4 5 6 / 7 8 9] → (1+2+4+5)/4 = 3; (3+6)/2 = 4.5 → 5; (7+8)/2 = 7.5 → 8; 9.
    expect(halve({ width: 3, height: 3, data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) })).toEqual({ width: 2, height: 2, data: Uint8Array.from([3, 5, 8, 9]) });
    // 1×3 column: (10+21)/2 = 15.5 → 16; 200.
    expect(halve({ width: 1, height: 3, data: Uint8Array.from([10, 21, 200]) })).toEqual({ width: 1, height: 2, data: Uint8Array.from([16, 200]) });
    // 5×1 row: (0+255)/2 → 128; (100+101)/2 → 101; 7.
    expect(halve({ width: 5, height: 1, data: Uint8Array.from([0, 255, 100, 101, 7]) })).toEqual({ width: 3, height: 1, data: Uint8Array.from([128, 101, 7]) });
    expect(halve({ width: 1, height: 1, data: Uint8Array.from([77]) })).toEqual({ width: 1, height: 1, data: Uint8Array.from([77]) });
  });
});

describe('decodeThumb', () => {
  it('thumbWidthFor: the largest power-of-two reduction that stays at least 240 wide', () => {
    expect([2480, 4960, 1240, 1000, 480, 479, 239, 1].map(thumbWidthFor)).toEqual([310, 310, 310, 250, 240, 240, 239, 1]);
  });

  it('an A4 300-dpi JPEG (2480 wide): the DC image itself, 310 wide', async () => {
    const w = 2480;
    const h = 3508;
    const bytes = await sharp(pagePixels(w, h, 11), { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
    const thumb = await decodeThumb(bytes, 0, w, { maxPixels: MAX_PIXELS });
    expect(thumb.width).toBe(310);
    expect(difference(thumb, djpegDc(bytes).image)).toBe('identical');
    // Over the pixel limit it refuses, DC path or not.
    await expect(decodeThumb(bytes, 0, w, { maxPixels: w * h - 1 })).rejects.toThrow();
  });

  it('a 4960-wide JPEG: the DC image halved once, 310 wide', async () => {
    const w = 4960;
    const h = 1200;
    const file = path.join(dir, 'wide.pgm');
    const grey = Buffer.alloc(w * h);
    const rgb = pagePixels(w, h, 13);
    for (let i = 0; i < grey.length; i++) grey[i] = rgb[3 * i + 1] as number;
    writePnm(file, grey, w, h, 1);
    const bytes = cjpeg(file, ['-grayscale']);
    const thumb = await decodeThumb(bytes, 0, w, { maxPixels: MAX_PIXELS });
    const dc = djpegDc(bytes).image;
    expect(dc?.width).toBe(620);
    expect(thumb.width).toBe(310);
    expect(difference(thumb, dc && halve(dc))).toBe('identical');
  });

  it('TIFF, progressive JPEG and small reductions go through sharp', async () => {
    const w = 1240;
    const h = 1754;
    const raw = () => sharp(pagePixels(w, h, 17), { raw: { width: w, height: h, channels: 3 } });
    const tiff = await raw().tiff({ compression: 'lzw' }).toBuffer();
    const t = await decodeThumb(tiff, 0, w, { maxPixels: MAX_PIXELS });
    expect([t.width, t.data.length]).toEqual([thumbWidthFor(w), t.width * t.height]);
    expect(Math.abs(t.height - (h * t.width) / w)).toBeLessThanOrEqual(1);
    const progressive = await raw().jpeg({ progressive: true }).toBuffer();
    const p = await decodeThumb(progressive, 0, w, { maxPixels: MAX_PIXELS });
    expect([p.width, p.height, p.data.length]).toEqual([310, t.height, 310 * t.height]);
    // Paper stays light and the page is not blank or black after the reduction.
    expect(t.data.reduce((s, v) => s + v, 0) / t.data.length).toBeGreaterThan(180);
    expect(t.data.reduce((m, v) => Math.min(m, v), 255)).toBeLessThan(150);
    // 1000 wide: the thumbnail (250) is wider than the DC image (125), so sharp reduces by 4.
    const narrow = cjpeg(ppm(1000, 700), []);
    const n = await decodeThumb(narrow, 0, 1000, { maxPixels: MAX_PIXELS });
    expect([n.width, n.height]).toEqual([250, 175]);
  });
});
