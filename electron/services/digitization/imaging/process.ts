/**
 * Page processing: orientation (from the OCR engine's detector), deskew (projection profile),
 * trimming a dark scanner border, blank and colour detection, JPEG with its dpi and SHA-256.
 * The original is never changed: what was done is recorded as steps, and `reprocess` re-applies
 * them with the clerk's override.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { ProcessedImage, Rotation } from '../ports';
import { LIMITS } from './decode';
import { estimateSkew } from './skew';

export type Step =
  | { op: 'orient'; rotation: Rotation; detected: boolean }
  | { op: 'deskew'; degrees: number }
  | { op: 'colour'; colour: boolean }
  | { op: 'resolution'; dpi: number };

export type DetectOrientation = (greyPng: Buffer) => Promise<{ rotation: Rotation; confidence: number }>;

const WHITE = { r: 255, g: 255, b: 255 };
const ANALYSIS_WIDTH = 600;
/** Below this share of ink pixels (inside the edges) a side is blank: specks and dust stay under it. */
const BLANK_INK_SHARE = 0.002;
/** Above this share of strongly coloured pixels the page keeps its colour (red headers, seals, photos). */
const COLOUR_SHARE = 0.002;

interface Decoded {
  pixels: Buffer;
  width: number;
  height: number;
}

async function decode(original: Buffer): Promise<Decoded> {
  const { data, info } = await sharp(original, { limitInputPixels: LIMITS.maxPixels, failOn: 'truncated' })
    .rotate() // EXIF orientation first: that is how the device meant the image
    .flatten({ background: WHITE })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
}

function rawInput(d: Decoded) {
  return sharp(d.pixels, { raw: { width: d.width, height: d.height, channels: 3 } });
}

async function greyThumb(d: Decoded, rotation: Rotation): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await rawInput(d).rotate(rotation).resize({ width: ANALYSIS_WIDTH, withoutEnlargement: true }).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Share of ink pixels away from the edges (edge shadows and punch holes are ignored). */
export function inkShare(g: { data: Buffer; width: number; height: number }): number {
  const mx = Math.round(g.width * 0.05);
  const my = Math.round(g.height * 0.05);
  let ink = 0;
  let n = 0;
  for (let y = my; y < g.height - my; y++) {
    for (let x = mx; x < g.width - mx; x++) {
      n++;
      if ((g.data[y * g.width + x] ?? 255) < 128) ink++;
    }
  }
  return n === 0 ? 0 : ink / n;
}

async function hasColour(d: Decoded): Promise<boolean> {
  const { data } = await rawInput(d).resize({ width: 300, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  let coloured = 0;
  const n = data.length / 3;
  for (let i = 0; i < data.length; i += 3) {
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  return coloured / n > COLOUR_SHARE;
}

async function render(d: Decoded, steps: { rotation: Rotation; skew: number; colour: boolean }, dpi: number): Promise<Omit<ProcessedImage, 'blank' | 'steps' | 'rotation' | 'skewDegrees' | 'colour'>> {
  let img = rawInput(d).rotate(steps.rotation);
  if (Math.abs(steps.skew) >= 0.05) {
    // Rotating by an arbitrary angle grows the canvas; the corners are filled with paper white.
    img = sharp(await img.raw().toBuffer(), { raw: await rotatedSize(d, steps.rotation) }).rotate(-steps.skew, { background: WHITE });
  }
  if (!steps.colour) img = img.greyscale();
  const jpeg = await img.jpeg({ quality: 85, mozjpeg: false }).withMetadata({ density: dpi }).toBuffer();
  const meta = await sharp(jpeg).metadata();
  return { jpeg, width: meta.width ?? 0, height: meta.height ?? 0, dpi, sha256: crypto.createHash('sha256').update(jpeg).digest('hex') };
}

async function rotatedSize(d: Decoded, rotation: Rotation): Promise<{ width: number; height: number; channels: 3 }> {
  const turned = rotation === 90 || rotation === 270;
  return { width: turned ? d.height : d.width, height: turned ? d.width : d.height, channels: 3 };
}

function dpiOf(hint: number | null): number {
  // A file without a resolution is taken as 300 dpi, the scanning standard (GB/T 33870).
  return hint !== null && hint >= 50 && hint <= 2400 ? Math.round(hint) : 300;
}

export async function processPage(original: Buffer, dpiHint: number | null, detect: DetectOrientation | null): Promise<ProcessedImage> {
  const d = await decode(original);
  const upright = await greyThumb(d, 0);
  const blank = inkShare(upright) < BLANK_INK_SHARE;
  let rotation: Rotation = 0;
  let detected = false;
  if (!blank && detect) {
    const png = await rawInput(d).resize({ width: Math.min(1240, Math.round(d.width / 2)), withoutEnlargement: true }).greyscale().png().toBuffer();
    rotation = (await detect(png)).rotation;
    detected = true;
  }
  const skew = blank ? 0 : estimateSkew(rotation === 0 ? upright : await greyThumb(d, rotation));
  const colour = await hasColour(d);
  const dpi = dpiOf(dpiHint);
  const steps: Step[] = [
    { op: 'orient', rotation, detected },
    { op: 'deskew', degrees: skew },
    { op: 'colour', colour },
    { op: 'resolution', dpi },
  ];
  const out = await render(d, { rotation, skew, colour }, dpi);
  return { ...out, rotation, skewDegrees: skew, blank, colour, steps };
}

function stepOf<K extends Step['op']>(steps: readonly unknown[], op: K): Extract<Step, { op: K }> | undefined {
  return steps.find((s): s is Extract<Step, { op: K }> => typeof s === 'object' && s !== null && (s as Step).op === op);
}

/** Re-applies recorded steps to the original with the clerk's rotation in place of the detected one. */
export async function reprocess(original: Buffer, steps: readonly unknown[], rotation: Rotation): Promise<ProcessedImage> {
  const d = await decode(original);
  const skew = stepOf(steps, 'deskew')?.degrees ?? 0;
  const colour = stepOf(steps, 'colour')?.colour ?? (await hasColour(d));
  const dpi = dpiOf(stepOf(steps, 'resolution')?.dpi ?? null);
  const newSteps: Step[] = [
    { op: 'orient', rotation, detected: false },
    { op: 'deskew', degrees: skew },
    { op: 'colour', colour },
    { op: 'resolution', dpi },
  ];
  const out = await render(d, { rotation, skew, colour }, dpi);
  const blank = inkShare(await greyThumb(d, 0)) < BLANK_INK_SHARE;
  return { ...out, rotation, skewDegrees: skew, blank, colour, steps: newSteps };
}
