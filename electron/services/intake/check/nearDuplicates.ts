/** Near-duplicate pages within one person's folder: the same sheet scanned twice (shifted, re-exposed). */
import { printSimilarity, type InkPrint } from './thumbAnalysis';

export interface PrintedPage {
  position: number;
  print: InkPrint;
}

/**
 * Pairs (later, earlier) whose ink lies on each other's ink. Measured on generated pages: different
 * pages of one layout score up to ≈0.92 (more when lines repeat), a second scan of the same sheet
 * (shifted, turned 0.2–0.4°, other exposure and JPEG quality) ≥0.99; the default threshold is 0.95.
 */
export function findNearDuplicates(pages: readonly PrintedPage[], threshold: number): { position: number; of: number; similarity: number }[] {
  const out: { position: number; of: number; similarity: number }[] = [];
  const flagged = new Set<number>();
  for (let i = 1; i < pages.length; i++) {
    const a = pages[i] as PrintedPage;
    for (let j = 0; j < i; j++) {
      const b = pages[j] as PrintedPage;
      if (flagged.has(b.position)) continue;
      const s = printSimilarity(a.print, b.print, threshold);
      if (s >= threshold) {
        out.push({ position: a.position, of: b.position, similarity: s });
        flagged.add(a.position);
        break;
      }
    }
  }
  return out;
}
