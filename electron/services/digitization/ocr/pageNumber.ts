/**
 * The printed page number of an archive page, from the OCR lines in the top and bottom margins
 * (archive practice: top right, bottom centre or bottom right). Patterns: "12", "-12-", "— 12 —",
 * "第12页", "12/30". The bottom margin wins when both have one.
 */

export interface OcrLine {
  text: string;
  bbox: { y0: number; y1: number };
}

const PATTERNS = [/^[-—－–~\s]*(\d{1,5})[-—－–~\s]*$/, /^第\s*(\d{1,5})\s*页/, /^(\d{1,5})\s*\/\s*\d{1,5}$/];

export function parsePageNumber(text: string): number | null {
  const t = text.replace(/\s+/g, ' ').trim();
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
  const band = pageHeight * 0.12;
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
