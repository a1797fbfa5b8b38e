/**
 * Does the page carry colour that must be kept (GB/T 33870: red headers, seals, photos, colour
 * ink)? Colour is judged after white balance against the local paper, so yellowed or stained paper
 * is not "colour" and black ink on it is not either, while a 15 mm red name seal on a full page of
 * black text is. Isolated coloured pixels (scanner fringes along black strokes, grain) are ignored.
 */
import type { AnalysisImage } from './analysisImage';
import { findMarks } from './components';

/** Chroma (0–255, after white balance) from which a pixel counts as coloured; faded seal red ≈ 70+. */
export const CHROMA_MIN = 45;
/** Coloured marks smaller than this (mm²) are fringes or grain. */
const MIN_MARK_MM2 = 0.2;
/** Coloured ink in all (mm²) that makes the page a colour page: well under a small seal's. */
const COLOUR_AREA_MM2 = 4;

export interface ColourResult {
  colour: boolean;
  /** Area of coloured marks, mm². */
  colourAreaMm2: number;
}

export function detectColour(a: AnalysisImage): ColourResult {
  if (!a.rgb) return { colour: false, colourAreaMm2: 0 };
  const mask = new Uint8Array(a.width * a.height);
  for (let i = 0; i < mask.length; i++) if (!a.background[i] && (a.chroma[i] ?? 0) >= CHROMA_MIN) mask[i] = 1;
  const mm2 = a.mmPerPx * a.mmPerPx;
  let area = 0;
  for (const m of findMarks(mask, a.width, a.height)) if (m.area * mm2 >= MIN_MARK_MM2) area += m.area * mm2;
  return { colour: area >= COLOUR_AREA_MM2, colourAreaMm2: Math.round(area * 10) / 10 };
}
