/**
 * Blank-side detection (domain.md §5: blank sides are kept and flagged, never dropped, and not
 * counted as pages). A side is blank when, after ignoring dust specks, edge shadows and punch holes,
 * nothing on it looks like writing. The bar is deliberately low: one short line, a lone page number,
 * a signature or faint pencil make a page not blank — calling a written page blank would take it out
 * of the page count and skip its OCR, which is the costly mistake.
 */
import type { AnalysisImage } from './analysisImage';
import { forEachRegion, markHeight, markWidth, type Mark } from './components';

/** Ink is at least this much darker than the paper around it (faint pencil ≈ 60–110, show-through ≈ 10–30). */
export const INK_DELTA = 45;
/** Marks smaller than this across are dust (a printed full stop is about 0.5 mm; dust is smaller). */
const SPECK_MM = 1.0;
/** One mark this large across is writing (a digit at 10 pt is about 2.5 mm tall). */
const WRITING_MM = 2.0;
/** Or this many marks above speck size. */
const WRITING_MARKS = 3;
/** Or this much ink in all (mm²). */
const WRITING_AREA_MM2 = 2.5;
/** Edge shadows are thin lines along the edge of the sheet. */
const SHADOW_BAND_MM = 8;
const SHADOW_MAX_THICK_MM = 2;
/** Binder punch holes: round, solid, 4–9 mm across, near an edge. */
const HOLE_MM: [number, number] = [4, 9];
const HOLE_BAND_MM = 30;

export type MarkKind = 'speck' | 'shadow' | 'hole' | 'writing';

export interface BlankResult {
  blank: boolean;
  /** Marks counted as writing. */
  writingMarks: number;
  /** Their ink, in mm². */
  writingAreaMm2: number;
  /** The largest of them across, in mm (0 when none). */
  largestMm: number;
  /** What was ignored, for the clerk's "why blank?" tooltip and for tests. */
  ignored: { specks: number; shadows: number; holes: number };
}

export function inkMask(a: AnalysisImage, delta = INK_DELTA): Uint8Array {
  const mask = new Uint8Array(a.width * a.height);
  const floor = 255 - delta;
  const { background, lightness } = a;
  for (let i = 0; i < mask.length; i++) if (lightness[i]! < floor && background[i] === 0) mask[i] = 1;
  return mask;
}

export function classifyMark(m: Mark, a: AnalysisImage): MarkKind {
  const mm = a.mmPerPx;
  const wMm = markWidth(m) * mm;
  const hMm = markHeight(m) * mm;
  const long = Math.max(wMm, hMm);
  const thick = Math.min(wMm, hMm);
  if (long < SPECK_MM) return 'speck';
  const toLeft = m.left * mm;
  const toTop = m.top * mm;
  const toRight = (a.width - 1 - m.right) * mm;
  const toBottom = (a.height - 1 - m.bottom) * mm;
  if (thick <= SHADOW_MAX_THICK_MM && long >= 5 * thick) {
    // A thin line lying along a nearby edge of the sheet (or touching the background) is a shadow.
    const alongSide = wMm < hMm ? Math.min(toLeft, toRight) : Math.min(toTop, toBottom);
    if (m.atEdge || alongSide <= SHADOW_BAND_MM) return 'shadow';
  }
  const fill = m.area / (markWidth(m) * markHeight(m));
  const nearEdge = Math.min(toLeft, toRight, toTop, toBottom) <= HOLE_BAND_MM;
  if (nearEdge && !m.atEdge && fill >= 0.6 && thick >= HOLE_MM[0] && long <= HOLE_MM[1] && long <= 1.35 * thick) return 'hole';
  return 'writing';
}

/**
 * `verdictOnly`: stop at the first proof of writing (the counts in the result are then only as far
 * as it got); the verdict is the same, since every count only grows as marks are added.
 */
export function detectBlank(a: AnalysisImage, verdictOnly = false): BlankResult {
  const ignored = { specks: 0, shadows: 0, holes: 0 };
  let writingMarks = 0;
  let writingArea = 0;
  let largest = 0;
  const mm2 = a.mmPerPx * a.mmPerPx;
  const written = () => largest >= WRITING_MM || writingMarks >= WRITING_MARKS || writingArea >= WRITING_AREA_MM2;
  // The marks of inkMask(a), read straight from the lightness.
  const ink = { values: a.lightness, from: 0, below: 255 - INK_DELTA, skip: a.background };
  forEachRegion(ink, a.width, a.height, a.background, (m) => {
    const kind = classifyMark(m, a);
    if (kind === 'speck') ignored.specks++;
    else if (kind === 'shadow') ignored.shadows++;
    else if (kind === 'hole') ignored.holes++;
    else {
      writingMarks++;
      writingArea += m.area * mm2;
      largest = Math.max(largest, Math.max(markWidth(m), markHeight(m)) * a.mmPerPx);
      if (verdictOnly && written()) return false;
    }
    return true;
  });
  const blank = !written();
  return { blank, writingMarks, writingAreaMm2: Math.round(writingArea * 10) / 10, largestMm: Math.round(largest * 10) / 10, ignored };
}
