/**
 * English inside Chinese pages. The Chinese model reads Latin letters, but without an English
 * dictionary it runs words together ("Personnelfile") and drops punctuation. Tesseract's own
 * "chi_sim+eng" fixes that by trying the English model on every word the Chinese one is unsure
 * of, which on a Chinese page is most of them: measured here, about 1.5x the CPU per page, and
 * it also turns some hanzi words into Latin junk ("学历：" → "A:"). So the English model is run
 * only on lines where the Chinese model saw Latin words, and its reading replaces only those words,
 * and only where it is more confident.
 */
import type { Page } from 'tesseract.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface WordReading {
  text: string;
  confidence: number;
  bbox: Box;
}

/** A word the English model should look at: ASCII only, with at least two letters. */
export function isLatinWord(text: string): boolean {
  return /^[\x21-\x7e]+$/.test(text) && (text.match(/[A-Za-z]/g)?.length ?? 0) >= 2;
}

/** Words of an English line reading, in the line image's coordinates. */
export function wordsOf(page: Page): WordReading[] {
  const out: WordReading[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        for (const w of line.words) {
          if (w.text.trim()) out.push({ text: w.text.trim(), confidence: w.confidence, bbox: { ...w.bbox } });
        }
      }
    }
  }
  return out;
}

/**
 * The line's words with each Latin word replaced by the English words whose centres fall inside
 * it, when those read as Latin and with at least the Chinese reading's confidence. `english` is in
 * the same coordinates as `line`.
 */
export function mergeLatin(line: readonly WordReading[], english: readonly WordReading[]): WordReading[] {
  const out: WordReading[] = [];
  for (const w of line) {
    if (!isLatinWord(w.text)) {
      out.push(w);
      continue;
    }
    const inside = english.filter((e) => {
      const cx = (e.bbox.x0 + e.bbox.x1) / 2;
      return cx >= w.bbox.x0 && cx <= w.bbox.x1;
    });
    const ascii = inside.length > 0 && inside.every((e) => /^[\x21-\x7e]+$/.test(e.text));
    const confidence = inside.reduce((s, e) => s + e.confidence, 0) / Math.max(1, inside.length);
    if (ascii && confidence >= w.confidence) out.push(...inside);
    else out.push(w);
  }
  return out;
}
