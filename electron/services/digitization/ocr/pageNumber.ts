/**
 * The printed page number of an archive page, from text lines in the top and bottom margins
 * (archive practice: top right, bottom centre or bottom right). Patterns: "12", "-12-",
 * "— 12 —", "第12页", "12/30". The bottom margin wins when both have one.
 */

export interface OcrLine {
  text: string;
  bbox: { y0: number; y1: number };
}

/** Share of the page height at the top and at the bottom searched for the number. */
export const MARGIN_BAND = 0.12;

// The Chinese model reads a printed dash as 一 (the hanzi "one") as often as as a dash, and a
// long dash now and then as 二.
const DASH = '[-—－–~〜_=一二\\s]';
const PATTERNS = [new RegExp(`^${DASH}*(\\d{1,5})${DASH}*$`), /^第\s*(\d{1,5})\s*页$/, /^(\d{1,5})\s*[/／]\s*\d{1,5}$/];

export function parsePageNumber(text: string): number | null {
  // NFKC turns full-width digits and slashes into ASCII.
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  for (const re of PATTERNS) {
    const m = re.exec(t);
    if (m?.[1]) {
      const n = Number(m[1]);
      return n > 0 ? n : null;
    }
  }
  return null;
}

export function readPageNumber(lines: readonly OcrLine[], pageHeight: number): number | null {
  const band = pageHeight * MARGIN_BAND;
  const bottom = lines.filter((l) => l.bbox.y0 >= pageHeight - band);
  const top = lines.filter((l) => l.bbox.y1 <= band);
  for (const l of [...bottom].reverse()) {
    const n = parsePageNumber(l.text);
    if (n !== null) return n;
  }
  for (const l of top) {
    const n = parsePageNumber(l.text);
    if (n !== null) return n;
  }
  return null;
}
