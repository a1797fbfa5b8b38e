/**
 * Turning recognised words back into text. Tesseract separates every "word" with a space, and to
 * it a run of hanzi is many words; Chinese has no spaces between characters, so a space is kept
 * only where it separates Latin words or numbers from each other.
 */

const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
const TIGHT_PUNCT = /[,.:;!?%)\]}、，。：；！？）】》”’]/u;
const OPEN_PUNCT = /[([{（【《“‘]/u;

function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Whether a space belongs between two words, judged by the characters that meet. */
export function spaceBetween(left: string, right: string): boolean {
  const a = [...left].pop();
  const b = [...right][0];
  if (a === undefined || b === undefined) return false;
  if (TIGHT_PUNCT.test(b) || OPEN_PUNCT.test(a)) return false;
  if (isCjk(a) || isCjk(b)) {
    // Hanzi next to hanzi, digits or punctuation: no space. Hanzi next to a Latin word: keep it.
    const other = isCjk(a) ? b : a;
    return /[A-Za-z]/.test(other);
  }
  return true;
}

export function joinWords(words: readonly string[]): string {
  let out = '';
  for (const w of words) {
    const t = w.trim();
    if (!t) continue;
    out += out && spaceBetween(out, t) ? ` ${t}` : t;
  }
  return out;
}

/** Collapses the spaces tesseract put between Chinese characters in an already joined line. */
export function tidyLine(line: string): string {
  return joinWords(line.split(/\s+/));
}
