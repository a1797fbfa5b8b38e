/**
 * Page processing: orientation (from the OCR engine's detector), deskew (projection profile),
 * border cropping, blank and colour detection, JPEG with its dpi and SHA-256. The original is
 * never changed: what was done is recorded as steps (steps.ts), and `reprocess` re-applies them
 * from the original with the clerk's overrides in place of the automatic choices.
 */
import crypto from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import type { ProcessedImage, Rotation } from '../ports';
import { toPgm } from '../ocr/pgm';
import { analysePage, type PageAnalysis } from './analysis/analysePage';
import { withoutBackground, type Grey } from './borders';
import { findCropBox, type Box } from './crop';
import { analysisCopy, decodeRgb, greyOf, shrinkGrey, WHITE, withChannels, type Decoded } from './pageImage';
import { measureSkew } from './skew';
import { MIN_DPI, stepOf, type Step } from './steps';

export type { Step } from './steps';

/** `grey`: the page in greyscale at about 150 dpi, as binary PGM (ocr/pgm.ts). */
export type DetectOrientation = (grey: Buffer) => Promise<{ rotation: Rotation; confidence: number }>;

const ANALYSIS_WIDTH = 600;
/** Smaller angles are not worth a resampling pass (a fraction of a pixel across a page). */
const MIN_SKEW = 0.05;

interface Choices {
  rotation: Rotation;
  skew: number;
  crop: boolean;
  colour: boolean;
}

/** The page's judgements from its ~150 dpi copy: analysis, a grey copy, and its 600-px thumbnail with the scanner background painted out. */
async function look(page: Decoded, dpi: number): Promise<{ analysis: PageAnalysis; grey: Grey; upright: Grey }> {
  const small = await analysisCopy(page, dpi);
  const analysis = await analysePage(small.image, small.dpi);
  const grey = greyOf(small.image);
  const upright = withoutBackground(await shrinkGrey(grey, ANALYSIS_WIDTH));
  return { analysis, grey, upright };
}

function rawInput(d: { pixels: Buffer; width: number; height: number; channels: 1 | 3 }) {
  return sharp(d.pixels, { raw: { width: d.width, height: d.height, channels: d.channels } });
}

/** Raw output in the input's channels (libvips otherwise writes one-channel input out as sRGB). */
async function rawOutput(img: Sharp, channels: 1 | 3): Promise<Decoded> {
  const r = await (channels === 1 ? img.toColourspace('b-w') : img).raw().toBuffer({ resolveWithObject: true });
  return { pixels: r.data, width: r.info.width, height: r.info.height, channels };
}

/** The thumbnail turned 90° clockwise. */
function quarterTurn(g: Grey): Grey {
  const { width: w, height: h } = g;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[x * h + (h - 1 - y)] = g.data[y * w + x] ?? 255;
  return { data, width: h, height: w };
}

type Rendered = Omit<ProcessedImage, 'blank' | 'steps' | 'rotation' | 'skewDegrees' | 'colour'> & { box: Box | null };

/** Luma of interleaved RGB, for the crop analysis of a colour page. */
function lumaOf(d: Decoded): Uint8Array {
  return greyOf({ data: d.pixels, width: d.width, height: d.height, channels: d.channels }).data;
}

async function render(d: Decoded, c: Choices, dpi: number): Promise<Rendered> {
  let cur = d;
  if (c.rotation !== 0) cur = await rawOutput(rawInput(cur).rotate(c.rotation), d.channels);
  const beforeSkew = { width: cur.width, height: cur.height };
  // Rotating by an arbitrary angle grows the canvas; the corner wedges are filled with paper white.
  if (Math.abs(c.skew) >= MIN_SKEW) cur = await rawOutput(rawInput(cur).rotate(-c.skew, { background: WHITE }), d.channels);
  let box: Box | null = null;
  if (c.crop) {
    const grey = cur.channels === 1 ? cur.pixels : lumaOf(cur);
    const fill = Math.abs(c.skew) >= MIN_SKEW ? { before: beforeSkew, degrees: -c.skew } : null;
    box = findCropBox({ data: grey, width: cur.width, height: cur.height }, dpi, fill);
  }
  let img = rawInput(cur);
  if (box) img = img.extract(box);
  if (!c.colour && cur.channels === 3) img = img.greyscale();
  if (!c.colour) img = img.toColourspace('b-w'); // one channel: a third of the size
  const jpeg = await img.jpeg({ quality: 85, mozjpeg: false }).withDensity(dpi).toBuffer();
  const width = box ? box.width : cur.width;
  const height = box ? box.height : cur.height;
  return { jpeg, width, height, dpi, sha256: crypto.createHash('sha256').update(jpeg).digest('hex'), box };
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
  const resolution = resolutionStep(dpiHint);
  const rgb = await decodeRgb(original);
  const { analysis, grey, upright } = await look(rgb, resolution.dpi);
  const blank = analysis.blank.blank;
  const colour = analysis.colour.colour;
  let rotation: Rotation = 0;
  let detected = false;
  if (!blank && detect) {
    rotation = (await detect(toPgm(grey))).rotation;
    detected = true;
  }
  const skew = blank ? 0 : skewOf(upright);
  const choices: Choices = { rotation, skew, crop: true, colour };
  const { box, ...image } = await render(withChannels(rgb, colour), choices, resolution.dpi);
  return { ...image, rotation, skewDegrees: skew, blank, colour, steps: stepsFor(choices, detected, box, resolution) };
}

/**
 * Re-applies recorded steps to the original with `rotation` (the clerk's, or the recorded one).
 * Skew, crop and colour are taken as recorded (the skew holds for any rotation, see skewOf),
 * whether found automatically or set by the clerk.
 */
export async function reprocess(original: Buffer, steps: readonly unknown[], rotation: Rotation): Promise<ProcessedImage> {
  const recorded = stepOf(steps, 'resolution');
  const resolution = recorded ? { ...resolutionStep(recorded.dpi), declared: recorded.declared ?? true } : resolutionStep(null);
  const rgb = await decodeRgb(original);
  const { analysis, upright } = await look(rgb, resolution.dpi);
  const blank = analysis.blank.blank;
  const orient = stepOf(steps, 'orient');
  const deskew = stepOf(steps, 'deskew');
  const crop = stepOf(steps, 'crop');
  const colourStep = stepOf(steps, 'colour');
  const skew = deskew ? deskew.degrees : blank ? 0 : skewOf(upright);
  const choices: Choices = { rotation, skew, crop: crop?.enabled ?? true, colour: colourStep?.colour ?? analysis.colour.colour };
  const { box, ...image } = await render(withChannels(rgb, choices.colour), choices, resolution.dpi);
  const detected = orient?.detected === true && orient.rotation === rotation;
  const newSteps = stepsFor(choices, detected, box, resolution, { skew: deskew?.manual, crop: crop?.manual, colour: colourStep?.manual });
  return { ...image, rotation, skewDegrees: skew, blank, colour: choices.colour, steps: newSteps };
}
