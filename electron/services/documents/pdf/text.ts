/**
 * Measuring and line breaking for mixed Chinese/Latin text. Chinese may break between any two
 * characters; Latin words, numbers and archive numbers (CCSRS-0102-003-0001) stay whole unless
 * longer than the line. Line-start/line-end rules (禁则): closing punctuation never starts a line,
 * opening punctuation never ends one.
 */
import { advanceEm } from './fonts';

/** Width in points of `s` at `size` pt. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += advanceEm(ch.codePointAt(0) ?? 0);
  return w * size;
}

const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}>％']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{<']);

/**
 * Unbreakable pieces: one CJK character, or a run of Latin letters/digits/symbols, or a space.
 * Substrings listed in `keep` (names, archive numbers) are never split unless wider than a line.
 */
function tokens(s: string, keep: string[]): string[] {
  const out: { t: string; at: number }[] = [];
  let word = '';
  let wordAt = 0;
  let at = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const latin = cp < 0x2e80 && ch !== ' ' && !NO_LINE_START.has(ch) && !NO_LINE_END.has(ch);
    if (latin) {
      if (!word) wordAt = at;
      word += ch;
    } else {
      if (word) out.push({ t: word, at: wordAt });
      word = '';
      out.push({ t: ch, at });
    }
    at += ch.length;
  }
  if (word) out.push({ t: word, at: wordAt });
  const inside: boolean[] = [];
  for (const k of keep) {
    if (!k) continue;
    for (let i = s.indexOf(k); i >= 0; i = s.indexOf(k, i + k.length)) for (let j = i + 1; j < i + k.length; j++) inside[j] = true;
  }
  // Glue punctuation to its neighbour, and kept phrases together, so a break never separates them.
  const glued: string[] = [];
  for (const { t, at: start } of out) {
    const prev = glued[glued.length - 1];
    if (prev !== undefined && (inside[start] || NO_LINE_START.has(t) || NO_LINE_END.has([...prev].pop() ?? ''))) glued[glued.length - 1] = prev + t;
    else glued.push(t);
  }
  return glued;
}

/** Splits a token wider than the line into pieces that fit, after a _ or - where there is one. */
function hardSplit(t: string, maxW: number, size: number): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const ch of t) {
    if (cur && textWidth(cur + ch, size) > maxW) {
      const cut = Math.max(cur.lastIndexOf('_'), cur.lastIndexOf('-')) + 1;
      const at = cut > 0 && cut < cur.length ? cut : cur.length;
      parts.push(cur.slice(0, at));
      cur = cur.slice(at);
    }
    cur += ch;
  }
  if (cur) parts.push(cur);
  return parts;
}

/** Lines of `s` no wider than `maxW` points; explicit newlines are kept. An empty string is one empty line. */
export function wrapText(s: string, maxW: number, size: number, keep: string[] = []): string[] {
  const lines: string[] = [];
  for (const para of s.split(/\r?\n/)) {
    let line = '';
    let lineW = 0;
    for (const tok of tokens(para, keep)) {
      const w = textWidth(tok, size);
      if (lineW + w <= maxW + 0.01) {
        line += tok;
        lineW += w;
        continue;
      }
      if (tok === ' ') {
        // A space at the break disappears.
        lines.push(line);
        line = '';
        lineW = 0;
        continue;
      }
      const pieces = w > maxW ? hardSplit(tok, maxW, size) : [tok];
      if (line) lines.push(line.trimEnd());
      line = '';
      lineW = 0;
      for (const [i, p] of pieces.entries()) {
        if (i < pieces.length - 1) lines.push(p);
        else {
          line = p;
          lineW = textWidth(p, size);
        }
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
