/**
 * Page processing: orientation (from the OCR engine's detector), deskew (projection profile),
 * border cropping, blank and colour detection, JPEG with its dpi and SHA-256. The original is
 * never changed: what was done is recorded as steps (steps.ts), and `reprocess` re-applies them
 * from the original with the clerk's overrides in place of the automatic choices.
 */
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { ProcessedImage, Rotation } from '../ports';
import { toPgm } from '../ocr/pgm';
import { analysePage, type PageAnalysis } from './analysis/analysePage';
import { withoutBackground, type Grey } from './borders';
import { giveBack, takeBytes } from './bufferPool';
import { findCropBox, type Box } from './crop';
import { analysisCopy, decodeRgb, greyOf, shrinkGrey, withChannels, type Decoded } from './pageImage';
import { rotateAndPool } from './rotate';
import { measureSkew, quarterTurn } from './skew';
import { MIN_DPI, stepOf, type Step } from './steps';

export type { Step } from './steps';

/** `grey`: the page in greyscale at about 150 dpi, as binary PGM (ocr/pgm.ts); `hint.skewDegrees`: its measured skew. */
export type DetectOrientation = (grey: Buffer, hint?: { skewDegrees?: number }) => Promise<{ rotation: Rotation; confidence: number }>;

const ANALYSIS_WIDTH = 600;
/** Paper white, for the corner wedges a deskew adds. */
const WHITE_LEVEL = 255;
/** Smaller angles are not worth a resampling pass (a fraction of a pixel across a page). */
const MIN_SKEW = 0.05;

interface Choices {
  rotation: Rotation;
  skew: number;
  crop: boolean;
  colour: boolean;
}

/**
 * The page's judgements from its ~150 dpi copy: analysis, a grey copy (whose luma the analysis
 * shares), and, only when asked for (the skew; not for a blank page or a recorded skew), its 600-px
 * thumbnail with the scanner background painted out.
 */
async function look(page: Decoded, dpi: number): Promise<{ analysis: PageAnalysis; grey: Grey; upright: () => Promise<Grey> }> {
  const small = await analysisCopy(page, dpi);
  // From the buffer pool: given back once the skew is known (toPgm copies it for `detect`).
  const grey = greyOf(small.image, small.image.channels === 3 ? takeBytes(small.image.width * small.image.height) : undefined);
  const analysis = await analysePage(small.image, small.dpi, { lum: grey.data, verdictsOnly: true });
  const upright = async () => withoutBackground(await shrinkGrey(grey, ANALYSIS_WIDTH));
  return { analysis, grey, upright };
}

function rawInput(d: { pixels: Buffer; width: number; height: number; channels: 1 | 3 }) {
  return sharp(d.pixels, { raw: { width: d.width, height: d.height, channels: d.channels } });
}

type Rendered = Omit<ProcessedImage, 'blank' | 'steps' | 'rotation' | 'skewDegrees' | 'colour'> & { box: Box | null };

/** Luma of interleaved RGB, for the crop analysis of a colour page (a buffer-pool buffer). */
function lumaOf(d: Decoded): Uint8Array {
  return greyOf({ data: d.pixels, width: d.width, height: d.height, channels: d.channels }, takeBytes(d.width * d.height)).data;
}

/**
 * The turn and the deskew in one resampling pass (rotate.ts: libvips's pixels, half the CPU), and
 * for a grey page to be cropped the crop's min-pooled cells made on the way. Rotating by an
 * arbitrary angle grows the canvas; the corner wedges are filled with paper white.
 */
function turned(d: Decoded, rotation: Rotation, skew: number, pool: boolean): { page: Decoded; pooled2: Uint8Array | null } {
  const deskew = Math.abs(skew) >= MIN_SKEW;
  if (rotation === 0 && !deskew) return { page: d, pooled2: null };
  const { image: r, pooled } = rotateAndPool({ data: d.pixels, width: d.width, height: d.height, channels: d.channels }, rotation, deskew ? -skew : 0, WHITE_LEVEL, pool);
  return { page: { pixels: Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), width: r.width, height: r.height, channels: d.channels }, pooled2: pooled };
}

/** `original`: the decoded page `d` was made from (not to be given back to the buffer pool). */
async function render(d: Decoded, original: Decoded, c: Choices, dpi: number): Promise<Rendered> {
  const quarter = c.rotation === 90 || c.rotation === 270;
  const beforeSkew = quarter ? { width: d.height, height: d.width } : { width: d.width, height: d.height };
  const { page: cur, pooled2 } = turned(d, c.rotation, c.skew, c.crop);
  let box: Box | null = null;
  if (c.crop) {
    const grey = cur.channels === 1 ? cur.pixels : lumaOf(cur);
    const fill = Math.abs(c.skew) >= MIN_SKEW ? { before: beforeSkew, degrees: -c.skew } : null;
    box = findCropBox({ data: grey, width: cur.width, height: cur.height }, dpi, fill, pooled2);
    if (grey !== cur.pixels) giveBack(grey);
  }
  let img = rawInput(cur);
  if (box) img = img.extract(box);
  if (!c.colour && cur.channels === 3) img = img.greyscale();
  if (!c.colour) img = img.toColourspace('b-w'); // one channel: a third of the size
  const jpeg = await img.jpeg({ quality: 85, mozjpeg: false }).withDensity(dpi).toBuffer();
  // The grey page (pageImage withChannels), its rotated copy and cells came from the buffer pool.
  giveBack(cur.pixels, ...(pooled2 ? [pooled2] : []));
  if (d !== original) giveBack(d.pixels);
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
  const skew = blank ? 0 : skewOf(await upright());
  const pgm = !blank && detect ? toPgm(grey) : null;
  giveBack(grey.data);
  if (pgm && detect) {
    // The skew goes with the page, so the detector straightens its line without measuring again.
    rotation = (await detect(pgm, { skewDegrees: skew })).rotation;
    detected = true;
  }
  const choices: Choices = { rotation, skew, crop: true, colour };
  const { box, ...image } = await render(withChannels(rgb, colour), rgb, choices, resolution.dpi);
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
  const { analysis, grey, upright } = await look(rgb, resolution.dpi);
  const blank = analysis.blank.blank;
  const orient = stepOf(steps, 'orient');
  const deskew = stepOf(steps, 'deskew');
  const crop = stepOf(steps, 'crop');
  const colourStep = stepOf(steps, 'colour');
  const skew = deskew ? deskew.degrees : blank ? 0 : skewOf(await upright());
  giveBack(grey.data);
  const choices: Choices = { rotation, skew, crop: crop?.enabled ?? true, colour: colourStep?.colour ?? analysis.colour.colour };
  const { box, ...image } = await render(withChannels(rgb, choices.colour), rgb, choices, resolution.dpi);
  const detected = orient?.detected === true && orient.rotation === rotation;
  const newSteps = stepsFor(choices, detected, box, resolution, { skew: deskew?.manual, crop: crop?.manual, colour: colourStep?.manual });
  return { ...image, rotation, skewDegrees: skew, blank, colour: choices.colour, steps: newSteps };
}
