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
  const { width: w, height: h, background, chroma, lightness } = a;
  // Made on the first coloured pixel: most pages have none.
  let mask: Uint8Array | null = null;
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - FRINGE_REACH);
    const y1 = Math.min(h - 1, y + FRINGE_REACH);
    for (let x = 0, i = y * w; x < w; x++, i++) {
      // Coloured, and not the scanner's background.
      if (chroma[i]! < CHROMA_MIN || background[i] === 1) continue;
      const x0 = Math.max(0, x - FRINGE_REACH);
      const x1 = Math.min(w - 1, x + FRINGE_REACH);
      let fringe = false;
      for (let yy = y0; yy <= y1 && !fringe; yy++) {
        for (let j = yy * w + x0, end = yy * w + x1; j <= end; j++) {
          // Neutral dark ink nearby: this pixel is its fringe.
          if (lightness[j]! < DARK_INK && chroma[j]! < CHROMA_MIN) {
            fringe = true;
            break;
          }
        }
      }
      if (!fringe) {
        mask ??= new Uint8Array(w * h);
        mask[i] = 1;
      }
    }
  }
  if (!mask) return { colour: false, colourAreaMm2: 0 };
  const mm2 = a.mmPerPx * a.mmPerPx;
  let area = 0;
  for (const m of findMarks(mask, w, h)) if (m.area * mm2 >= MIN_MARK_MM2) area += m.area * mm2;
  return { colour: area >= COLOUR_AREA_MM2, colourAreaMm2: Math.round(area * 10) / 10 };
}
