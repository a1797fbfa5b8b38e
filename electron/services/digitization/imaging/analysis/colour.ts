/**
 * Does the page carry colour that must be kept (GB/T 33870: red headers, seals, photos, colour
 * ink)? Colour is judged after white balance against the local paper, so yellowed or stained paper
 * is not "colour" and black ink on it is not either, while a 15 mm red name seal on a full page of
 * black text is. Scanner colour fringes (a red and a blue seam along every black stroke, from the
 * sensor's colour rows not lining up) are ignored: a coloured pixel right beside neutral dark ink
 * does not count, and neither do isolated coloured pixels (grain).
 */
import type { AnalysisImage } from './analysisImage';
import { findMarks } from './components';

/** Chroma (0–255, after white balance) from which a pixel counts as coloured; faded seal red ≈ 70+. */
export const CHROMA_MIN = 45;
/** Neutral ink beside a coloured pixel makes it a fringe: darker than this (0–255 lightness). */
const DARK_INK = 160;
/** How near (analysis pixels, ≈0.17 mm each) neutral ink must be for a coloured pixel to be its fringe. */
const FRINGE_REACH = 2;
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
  const { width: w, height: h } = a;
  const coloured = (i: number) => !a.background[i] && (a.chroma[i] ?? 0) >= CHROMA_MIN;
  const neutralInk = (i: number) => (a.lightness[i] ?? 255) < DARK_INK && (a.chroma[i] ?? 0) < CHROMA_MIN;
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!coloured(i)) continue;
      let fringe = false;
      for (let dy = -FRINGE_REACH; dy <= FRINGE_REACH && !fringe; dy++) {
        for (let dx = -FRINGE_REACH; dx <= FRINGE_REACH && !fringe; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < w && yy < h && neutralInk(yy * w + xx)) fringe = true;
        }
      }
      if (!fringe) mask[i] = 1;
    }
  }
  const mm2 = a.mmPerPx * a.mmPerPx;
  let area = 0;
  for (const m of findMarks(mask, w, h)) if (m.area * mm2 >= MIN_MARK_MM2) area += m.area * mm2;
  return { colour: area >= COLOUR_AREA_MM2, colourAreaMm2: Math.round(area * 10) / 10 };
}
