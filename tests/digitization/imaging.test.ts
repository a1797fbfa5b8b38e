/**
 * Page processing on generated scans: border cropping (2–3 mm margin, content never cut, dark
 * scanner background and deskew wedges removed, dust ignored), the dpi written into the JPEG,
 * low-resolution sources flagged, residual skew after deskewing, and reprocessing with overrides.
 */
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../electron/services/digitization/imaging/decode';
import { processPage, reprocess } from '../../electron/services/digitization/imaging/process';
import { rotateAndPool } from '../../electron/services/digitization/imaging/rotate';
import { estimateSkew } from '../../electron/services/digitization/imaging/skew';
import { withOverrides } from '../../electron/services/digitization/imaging/steps';
import { blankPage, PAGE, textPage } from './fixtures';

const FONT = "font-family='DejaVu Sans, Liberation Sans, sans-serif'";

/** A page of many body lines (what skew estimation works on). */
function bodyPage(): Promise<Buffer> {
  return textPage({ title: 'SKEW TEST', lines: Array.from({ length: 16 }, (_, i) => `Body line ${i + 1} with several words of text in it`) });
}

/** A page whose content comes close to every edge: text 8 px from the left, a rule 6 px from the top, a square 5 px from the bottom-right corner. */
function nearEdgePage(): Promise<Buffer> {
  const { width: w, height: h } = PAGE;
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='${w}' height='${h}'><rect width='100%' height='100%' fill='white'/>
    <text x='8' y='600' ${FONT} font-size='40'>Edge text at the left</text>
    <rect x='300' y='6' width='400' height='4' fill='black'/>
    <rect x='${w - 25}' y='${h - 25}' width='20' height='20' fill='black'/>
    <text x='300' y='900' ${FONT} font-size='40'>Middle of the page</text></svg>`;
  return sharp(Buffer.from(svg)).png().withMetadata({ density: PAGE.dpi }).toBuffer();
}

/** Drops the PNG chunks that state a resolution (pHYs, and eXIf's XResolution): a file that says nothing. */
function withoutPhys(png: Buffer): Buffer {
  const parts = [png.subarray(0, 8)];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type !== 'pHYs' && type !== 'eXIf') parts.push(png.subarray(at, at + 12 + len));
    at += 12 + len;
  }
  return Buffer.concat(parts);
}

interface Ink {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Margins: blank pixels between the ink and each edge. */
  margins: [number, number, number, number];
  width: number;
  height: number;
  dark: number;
}

/** Where the ink (< 128) is in an image, and how much of it there is. */
async function ink(image: Buffer): Promise<Ink> {
  const { data, info } = await sharp(image).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let [left, top, right, bottom, dark] = [info.width, info.height, -1, -1, 0];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if ((data[(y * info.width + x) * info.channels] ?? 255) < 128) {
        dark++;
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return { left, top, right, bottom, margins: [left, top, info.width - 1 - right, info.height - 1 - bottom], width: info.width, height: info.height, dark };
}

/** Mean brightness of the outermost rows and columns (left, top, right, bottom). */
async function edgeMeans(image: Buffer): Promise<number[]> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => data[(y * info.width + x) * info.channels] ?? 0;
  const col = (x: number) => Array.from({ length: info.height }, (_, y) => at(x, y)).reduce((a, b) => a + b, 0) / info.height;
  const row = (y: number) => Array.from({ length: info.width }, (_, x) => at(x, y)).reduce((a, b) => a + b, 0) / info.width;
  return [col(0), row(0), col(info.width - 1), row(info.height - 1)];
}

async function residualSkew(jpeg: Buffer): Promise<number> {
  const { data, info } = await sharp(jpeg).resize({ width: 600 }).greyscale().raw().toBuffer({ resolveWithObject: true });
  return estimateSkew({ data, width: info.width, height: info.height });
}

function onDark(page: Buffer, opts: { degrees: number; canvas: [number, number]; at: [number, number] }): Promise<Buffer> {
  const bg = '#202020';
  return sharp(page)
    .rotate(opts.degrees, { background: bg })
    .toBuffer()
    .then((turned) =>
      sharp({ create: { width: opts.canvas[0], height: opts.canvas[1], channels: 3, background: bg } })
        .composite([{ input: turned, left: opts.at[0], top: opts.at[1] }])
        .png()
        .toBuffer(),
    );
}

describe('border cropping', () => {
  it('crops to the content with a 2–3 mm margin (24–35 px at 300 dpi) and keeps all of it', async () => {
    const src = await textPage({ title: 'CROP TEST', lines: ['First body line', 'Second body line, longer than the first'], pageNo: 4 });
    const before = await ink(src);
    const r = await processPage(src, 300, null);
    const after = await ink(r.jpeg);
    for (const m of after.margins) {
      expect(m).toBeGreaterThanOrEqual(24);
      expect(m).toBeLessThanOrEqual(35);
    }
    // The content itself is whole: same extent, about the same amount of ink (JPEG blurs edges a little).
    expect(Math.abs(after.right - after.left - (before.right - before.left))).toBeLessThanOrEqual(1);
    expect(Math.abs(after.bottom - after.top - (before.bottom - before.top))).toBeLessThanOrEqual(1);
    expect(Math.abs(after.dark - before.dark) / before.dark).toBeLessThan(0.05);
    expect([r.width, r.height]).toEqual([after.width, after.height]);
    const box = r.steps.find((s) => (s as { op: string }).op === 'crop') as { box: number[] };
    expect(box.box).toEqual([expect.closeTo(before.left - after.margins[0], 0), expect.closeTo(before.top - after.margins[1], 0), r.width, r.height]);
  });

  it('never cuts content that comes near the edge of the scan', async () => {
    const src = await nearEdgePage();
    const before = await ink(src);
    expect(Math.max(...before.margins)).toBeLessThanOrEqual(12); // the fixture is what it claims
    const r = await processPage(src, 300, null);
    const after = await ink(r.jpeg);
    // Nothing beyond the content to remove but the (short) margins: the page stays whole.
    expect([r.width, r.height]).toEqual([PAGE.width, PAGE.height]);
    expect(after.margins).toEqual(before.margins);
    expect(Math.abs(after.dark - before.dark) / before.dark).toBeLessThan(0.05);
  });

  it('crops a page on a dark scanner background to the paper, keeping content near the paper edge', async () => {
    const page = await nearEdgePage();
    const before = await ink(page);
    const r = await processPage(await onDark(page, { degrees: 2, canvas: [1500, 2000], at: [70, 60] }), null, null);
    expect(r.skewDegrees).toBeGreaterThan(1.7);
    expect(r.skewDegrees).toBeLessThan(2.3);
    // No dark band left at any edge.
    for (const m of await edgeMeans(r.jpeg)) expect(m).toBeGreaterThan(200);
    expect(r.width).toBeLessThanOrEqual(PAGE.width + 4);
    expect(r.height).toBeLessThanOrEqual(PAGE.height + 4);
    // Content from 8 px left of the text to the square 5 px from the corner is all there.
    const after = await ink(r.jpeg);
    expect(Math.abs(after.right - after.left - (before.right - before.left))).toBeLessThanOrEqual(4);
    expect(Math.abs(after.bottom - after.top - (before.bottom - before.top))).toBeLessThanOrEqual(4);
    expect(after.dark / before.dark).toBeGreaterThan(0.93);
  });

  it('removes the dark background and deskew wedges around a skewed page, leaving the margin on paper', async () => {
    const page = await textPage({ title: 'ON THE GLASS', lines: ['A line of body text on the page', 'And another one below it'], pageNo: 2 });
    const before = await ink(page);
    const r = await processPage(await onDark(page, { degrees: -2.5, canvas: [1600, 2100], at: [90, 110] }), 300, null);
    for (const m of await edgeMeans(r.jpeg)) expect(m).toBeGreaterThan(240);
    const after = await ink(r.jpeg);
    for (const m of after.margins) {
      expect(m).toBeGreaterThanOrEqual(24);
      expect(m).toBeLessThanOrEqual(35);
    }
    expect(Math.abs(after.right - after.left - (before.right - before.left))).toBeLessThanOrEqual(4);
  });

  it('ignores dust on a blank side: it is flagged blank and cropped to the paper only', async () => {
    const r = await processPage(await blankPage(), 300, null);
    expect(r.blank).toBe(true);
    expect([r.width, r.height]).toEqual([PAGE.width, PAGE.height]);
    const onGlass = await processPage(await onDark(await blankPage(), { degrees: 0, canvas: [1400, 1950], at: [70, 90] }), 300, null);
    expect(onGlass.blank).toBe(true);
    expect([onGlass.width, onGlass.height]).toEqual([PAGE.width, PAGE.height]);
    for (const m of await edgeMeans(onGlass.jpeg)) expect(m).toBeGreaterThan(240);
  });
});

describe('resolution', () => {
  it('takes a source without a resolution as 300 dpi and writes 300 dpi into the JPEG', async () => {
    const png = withoutPhys(await textPage({ title: 'NO DPI', lines: ['x'] }));
    expect((await sharp(png).metadata()).resolutionUnit).toBeUndefined();
    // A JPEG without a density (libvips reports it as 72) is the same case.
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect((await sharp(jpeg).metadata()).density).toBe(72);
    for (const [name, data] of [['a.png', png], ['a.jpg', jpeg]] as const) {
      const pages = [];
      for await (const p of decodeFile(name, data)) pages.push(p);
      const [page] = pages;
      if (!page?.ok) throw new Error(`decode failed: ${JSON.stringify(page)}`);
      expect(page.dpi).toBeNull();
      const r = await processPage(page.original, page.dpi, null);
      expect(r.dpi).toBe(300);
      expect((await sharp(r.jpeg).metadata()).density).toBe(300);
      expect(r.steps).toContainEqual({ op: 'resolution', dpi: 300, declared: false, belowStandard: false });
    }
  });

  it('keeps a declared low resolution as scanned and flags it; the margin follows the dpi', async () => {
    const png = await sharp(await textPage({ title: 'LOW DPI', lines: ['A line of text'] })).png().withMetadata({ density: 150 }).toBuffer();
    const pages = [];
    for await (const p of decodeFile('low.png', png)) pages.push(p);
    const [page] = pages;
    if (!page?.ok) throw new Error('decode failed');
    expect(page.dpi).toBe(150);
    const r = await processPage(page.original, page.dpi, null);
    expect(r.dpi).toBe(150);
    expect((await sharp(r.jpeg).metadata()).density).toBe(150);
    expect(r.steps).toContainEqual({ op: 'resolution', dpi: 150, declared: true, belowStandard: true });
    // 2.9 mm at 150 dpi is 17 px; nothing was resampled (the ink keeps its size).
    const after = await ink(r.jpeg);
    const before = await ink(png);
    expect(Math.abs(after.right - after.left - (before.right - before.left))).toBeLessThanOrEqual(1);
    for (const m of after.margins) {
      expect(m).toBeGreaterThanOrEqual(12);
      expect(m).toBeLessThanOrEqual(18);
    }
  });
});

describe('deskew', () => {
  it('leaves at most 0.3° of skew on pages scanned ±3° askew', async () => {
    const page = await bodyPage();
    for (const degrees of [3, -3]) {
      const r = await processPage(await sharp(page).rotate(degrees, { background: '#ffffff' }).png().toBuffer(), 300, null);
      expect(Math.abs(r.skewDegrees - degrees)).toBeLessThanOrEqual(0.3);
      expect(Math.abs(await residualSkew(r.jpeg))).toBeLessThanOrEqual(0.3);
      // Cropped: the white wedges of the rotation are gone with the rest of the border.
      for (const m of await edgeMeans(r.jpeg)) expect(m).toBeGreaterThan(240);
      expect(r.width).toBeLessThan(PAGE.width);
    }
  });

  it('measures skew on a page lying on its side, so turning it upright leaves it straight', async () => {
    const askew = await sharp(await bodyPage()).rotate(2, { background: '#ffffff' }).png().toBuffer();
    const sideways = await sharp(askew).rotate(90).png().toBuffer();
    // No orientation detector here: the page stays on its side, but the skew is still found.
    const r = await processPage(sideways, 300, null);
    expect(r.rotation).toBe(0);
    expect(Math.abs(r.skewDegrees - 2)).toBeLessThanOrEqual(0.3);
    // The clerk turns it upright: same skew, text lines level.
    const upright = await reprocess(sideways, r.steps, 270);
    expect(upright.skewDegrees).toBe(r.skewDegrees);
    expect(Math.abs(await residualSkew(upright.jpeg))).toBeLessThanOrEqual(0.3);
    expect(upright.height).toBeGreaterThan(upright.width);
  });

  it('turns and deskews in JavaScript to exactly the pixels libvips would make', async () => {
    // Noise, so any difference in sampling position, weights or rounding shows.
    const [w, h] = [301, 217];
    const noise = (channels: 1 | 3) => Uint8Array.from({ length: w * h * channels }, (_, i) => Math.imul(i + 7, 2654435761) >>> 24);
    for (const channels of [1, 3] as const) {
      const data = noise(channels);
      for (const [turn, degrees] of [[0, 2.35], [0, -0.05], [90, -1.7], [180, 3], [270, 0.4], [90, 0]] as const) {
        // libvips writes one-channel raw input out as sRGB unless told otherwise.
        const raw = (i: Sharp) => (channels === 1 ? i.toColourspace('b-w') : i).raw().toBuffer({ resolveWithObject: true });
        let img = sharp(data, { raw: { width: w, height: h, channels } });
        if (turn) {
          const t = await raw(img.rotate(turn));
          img = sharp(t.data, { raw: { width: t.info.width, height: t.info.height, channels } });
        }
        if (degrees) img = img.rotate(degrees, { background: '#ffffff' });
        const want = await raw(img);
        const got = rotateAndPool({ data, width: w, height: h, channels }, turn, degrees, 255, false).image;
        expect([got.width, got.height], `${channels} ${turn} ${degrees}`).toEqual([want.info.width, want.info.height]);
        expect(Buffer.from(got.data).equals(want.data), `${channels} ${turn} ${degrees}`).toBe(true);
      }
    }
  });
});

describe('reprocessing with overrides', () => {
  it("applies the clerk's skew, crop and colour choices from the original and records them", async () => {
    const src = await sharp(await bodyPage()).rotate(1.5, { background: '#ffffff' }).png().toBuffer();
    const auto = await processPage(src, 300, null);
    expect(auto.colour).toBe(false);

    const noCrop = await reprocess(src, withOverrides(auto.steps, { crop: false }), 0);
    const srcSize = await sharp(src).metadata();
    // Uncropped: the whole deskewed canvas (grown by the rotation).
    expect(noCrop.width).toBeGreaterThan(srcSize.width);
    expect(noCrop.skewDegrees).toBe(auto.skewDegrees);
    expect(noCrop.steps).toContainEqual({ op: 'crop', enabled: false, manual: true, box: null });

    const straight = await reprocess(src, withOverrides(noCrop.steps, { skewDegrees: 0 }), 0);
    expect([straight.width, straight.height]).toEqual([srcSize.width, srcSize.height]);
    expect(straight.skewDegrees).toBe(0);
    expect(straight.steps).toContainEqual({ op: 'deskew', degrees: 0, manual: true });

    const colour = await reprocess(src, withOverrides(auto.steps, { colour: true }), 0);
    expect(colour.colour).toBe(true);
    expect((await sharp(colour.jpeg).metadata()).channels).toBe(3);
    expect((await sharp(auto.jpeg).metadata()).channels).toBe(1);
    // Same steps, same result: reprocessing is deterministic.
    expect((await reprocess(src, auto.steps, 0)).sha256).toBe(auto.sha256);
  });
});
