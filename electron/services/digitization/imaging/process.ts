/**
 * Page processing: orientation (from the OCR engine's detector), deskew (projection profile),
 * border cropping, blank and colour detection, JPEG with its dpi and SHA-256. The original is
 * never changed: what was done is recorded as steps (steps.ts), and `reprocess` re-applies them
 * from the original with the clerk's overrides in place of the automatic choices.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { ProcessedImage, Rotation } from '../ports';
import { analysePage } from './analysis/analysePage';
import { withoutBackground, type Grey } from './borders';
import { findCropBox, type Box } from './crop';
import { LIMITS } from './decode';
import { measureSkew } from './skew';
import { MIN_DPI, stepOf, type Step } from './steps';

export type { Step } from './steps';

export type DetectOrientation = (greyPng: Buffer) => Promise<{ rotation: Rotation; confidence: number }>;

const WHITE = { r: 255, g: 255, b: 255 };
const ANALYSIS_WIDTH = 600;
/** Smaller angles are not worth a resampling pass (a fraction of a pixel across a page). */
const MIN_SKEW = 0.05;

interface Decoded {
  pixels: Buffer;
  width: number;
  height: number;
}

interface Choices {
  rotation: Rotation;
  skew: number;
  crop: boolean;
  colour: boolean;
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

/** A small greyscale copy with the scanner background painted out, for skew and blank analysis. */
async function greyThumb(d: Decoded): Promise<Grey> {
  const { data, info } = await rawInput(d).resize({ width: ANALYSIS_WIDTH, withoutEnlargement: true }).greyscale().raw().toBuffer({ resolveWithObject: true });
  return withoutBackground({ data, width: info.width, height: info.height });
}

/** The thumbnail turned 90° clockwise. */
function quarterTurn(g: Grey): Grey {
  const { width: w, height: h } = g;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[x * h + (h - 1 - y)] = g.data[y * w + x] ?? 255;
  return { data, width: h, height: w };
}

type Rendered = Omit<ProcessedImage, 'blank' | 'steps' | 'rotation' | 'skewDegrees' | 'colour'> & { box: Box | null };

async function render(d: Decoded, c: Choices, dpi: number): Promise<Rendered> {
  let pixels = d.pixels;
  let size = { width: d.width, height: d.height };
  if (c.rotation !== 0) {
    const r = await rawInput(d).rotate(c.rotation).raw().toBuffer({ resolveWithObject: true });
    pixels = r.data;
    size = { width: r.info.width, height: r.info.height };
  }
  const beforeSkew = size;
  if (Math.abs(c.skew) >= MIN_SKEW) {
    // Rotating by an arbitrary angle grows the canvas; the corner wedges are filled with paper white.
    const r = await sharp(pixels, { raw: { ...size, channels: 3 } })
      .rotate(-c.skew, { background: WHITE })
      .raw()
      .toBuffer({ resolveWithObject: true });
    pixels = r.data;
    size = { width: r.info.width, height: r.info.height };
  }
  let box: Box | null = null;
  if (c.crop) {
    const grey = await sharp(pixels, { raw: { ...size, channels: 3 } }).greyscale().raw().toBuffer();
    const fill = Math.abs(c.skew) >= MIN_SKEW ? { before: beforeSkew, degrees: -c.skew } : null;
    box = findCropBox({ data: grey, ...size }, dpi, fill);
  }
  let img = sharp(pixels, { raw: { ...size, channels: 3 } });
  if (box) img = img.extract(box);
  if (!c.colour) img = img.greyscale().toColourspace('b-w'); // one channel: a third of the size
  const jpeg = await img.jpeg({ quality: 85, mozjpeg: false }).withDensity(dpi).toBuffer();
  const meta = await sharp(jpeg).metadata();
  return { jpeg, width: meta.width ?? 0, height: meta.height ?? 0, dpi, sha256: crypto.createHash('sha256').update(jpeg).digest('hex'), box };
}

/** A usable declared resolution, or null: a file without one (or with nonsense) is taken as 300 dpi. */
function declaredDpi(hint: number | null | undefined): number | null {
  return hint !== null && hint !== undefined && hint >= 50 && hint <= 2400 ? Math.round(hint) : null;
}

function resolutionStep(hint: number | null): Extract<Step, { op: 'resolution' }> {
  const declared = declaredDpi(hint);
  // Below-standard scans are kept as scanned (upsampling adds no detail) and flagged.
  const dpi = declared ?? MIN_DPI;
  return { op: 'resolution', dpi, declared: declared !== null, belowStandard: dpi < MIN_DPI };
}

function stepsFor(c: Choices, detected: boolean, box: Box | null, resolution: Step, manual: { skew?: boolean; crop?: boolean; colour?: boolean } = {}): Step[] {
  const flag = (m: boolean | undefined) => (m ? { manual: true } : {});
  return [
    { op: 'orient', rotation: c.rotation, detected },
    { op: 'deskew', degrees: c.skew, ...flag(manual.skew) },
    { op: 'crop', enabled: c.crop, ...flag(manual.crop), box: box ? [box.left, box.top, box.width, box.height] : null },
    { op: 'colour', colour: c.colour, ...flag(manual.colour) },
    resolution,
  ];
}

/**
 * The skew of the page's text. Turning by a multiple of 90° commutes with the small deskew
 * rotation, so one angle holds for every orientation; it is measured with the page as scanned
 * and turned a quarter, and the turn whose text lines stand out more clearly gives it (a page lying
 * on its side has its lines across only when turned).
 */
function skewOf(upright: Grey): number {
  const asScanned = measureSkew(upright);
  const turned = measureSkew(quarterTurn(upright));
  // The turn must win clearly: on a sparse page (one short line) both scores are weak and close,
  // and trusting the turn would tilt a straight page.
  return turned.lineness > asScanned.lineness * QUARTER_TURN_MARGIN ? turned.degrees : asScanned.degrees;
}

const QUARTER_TURN_MARGIN = 1.5;

export async function processPage(original: Buffer, dpiHint: number | null, detect: DetectOrientation | null): Promise<ProcessedImage> {
  const d = await decode(original);
  const upright = await greyThumb(d);
  const resolution = resolutionStep(dpiHint);
  const analysis = await analysePage({ data: d.pixels, width: d.width, height: d.height, channels: 3 }, resolution.dpi);
  const blank = analysis.blank.blank;
  let rotation: Rotation = 0;
  let detected = false;
  if (!blank && detect) {
    const png = await rawInput(d).resize({ width: Math.min(1240, Math.round(d.width / 2)), withoutEnlargement: true }).greyscale().png().toBuffer();
    rotation = (await detect(png)).rotation;
    detected = true;
  }
  const skew = blank ? 0 : skewOf(upright);
  const choices: Choices = { rotation, skew, crop: true, colour: analysis.colour.colour };
  const out = await render(d, choices, resolution.dpi);
  const { box, ...image } = out;
  return { ...image, rotation, skewDegrees: skew, blank, colour: choices.colour, steps: stepsFor(choices, detected, box, resolution) };
}

/**
 * Re-applies recorded steps to the original with `rotation` (the clerk's, or the recorded one).
 * Skew, crop and colour are taken as recorded (the skew holds for any rotation, see skewOf),
 * whether found automatically or set by the clerk.
 */
export async function reprocess(original: Buffer, steps: readonly unknown[], rotation: Rotation): Promise<ProcessedImage> {
  const d = await decode(original);
  const upright = await greyThumb(d);
  const recorded = stepOf(steps, 'resolution');
  const resolution = recorded ? { ...resolutionStep(recorded.dpi), declared: recorded.declared ?? true } : resolutionStep(null);
  const analysis = await analysePage({ data: d.pixels, width: d.width, height: d.height, channels: 3 }, resolution.dpi);
  const blank = analysis.blank.blank;
  const orient = stepOf(steps, 'orient');
  const deskew = stepOf(steps, 'deskew');
  const crop = stepOf(steps, 'crop');
  const colourStep = stepOf(steps, 'colour');
  const skew = deskew ? deskew.degrees : blank ? 0 : skewOf(upright);
  const choices: Choices = { rotation, skew, crop: crop?.enabled ?? true, colour: colourStep?.colour ?? analysis.colour.colour };
  const { box, ...image } = await render(d, choices, resolution.dpi);
  const detected = orient?.detected === true && orient.rotation === rotation;
  const newSteps = stepsFor(choices, detected, box, resolution, { skew: deskew?.manual, crop: crop?.manual, colour: colourStep?.manual });
  return { ...image, rotation, skewDegrees: skew, blank, colour: choices.colour, steps: newSteps };
}
