/**
 * Tesseract's TSV output read back into lines of words. The TSV is made in the engine itself; the
 * `blocks` output builds the same tree in JavaScript, symbol by symbol with every choice, which
 * measured about 110 ms per page of CPU for nothing we use.
 * Columns: level page block par line word left top width height conf text (level 5 = word).
 */
import type { WordReading } from './latin';

export interface LineReading {
  words: WordReading[];
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** Index of the paragraph, to put blank lines between paragraphs. */
  paragraph: number;
}

export function linesFromTsv(tsv: string): LineReading[] {
  const out: LineReading[] = [];
  let paragraph = -1;
  let paraKey = '';
  let current: LineReading | null = null;
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    const level = Number(c[0]);
    const [left, top, width, height] = [Number(c[6]), Number(c[7]), Number(c[8]), Number(c[9])];
    const bbox = { x0: left, y0: top, x1: left + width, y1: top + height };
    if (level === 3) {
      const key = `${c[2]}/${c[3]}`;
      if (key !== paraKey) paragraph++;
      paraKey = key;
    } else if (level === 4) {
      current = { words: [], bbox, paragraph: Math.max(0, paragraph) };
      out.push(current);
    } else if (level === 5 && current) {
      const text = c.slice(11).join('\t').trim();
      if (text) current.words.push({ text, confidence: Number(c[10]), bbox });
    }
  }
  return out.filter((l) => l.words.length > 0);
}
