/**
 * Guesses an item's title (材料名称) and date (材料形成时间) from the OCR text of its first page.
 * The clerk always confirms; a wrong guess only costs an edit, so the rules stay simple:
 * the title is the first prominent line near the top, the date the last full date on the page
 * (the signing date sits at the end of a document; earlier dates are often birth or entry dates).
 */

export interface OcrWord {
  text: string;
  bbox: [number, number, number, number];
  confidence: number;
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const BETWEEN_CJK = new RegExp(`(?<=[${CJK}，。、；：（）《》“”])\\s+(?=[${CJK}，。、；：（）《》“”])`, 'g');

/** Tesseract puts spaces between Chinese characters; a title has none. */
export function normaliseLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(BETWEEN_CJK, '');
}

/** A line worth calling a title: some Chinese or Latin letters, not a page number or a bare date. */
function isTitleCandidate(line: string): boolean {
  const letters = line.match(new RegExp(`[${CJK}A-Za-z]`, 'g'))?.length ?? 0;
  if (letters < 2) return false;
  if (/^[-—－\s]*第?\s*\d+\s*页?[-—－\s]*$/.test(line)) return false;
  if (findDates(line).length > 0 && letters <= 3) return false;
  return true;
}

interface Line {
  text: string;
  height: number;
  top: number;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Groups word boxes into lines by their vertical centres, top to bottom. */
export function linesFromWords(words: readonly OcrWord[]): Line[] {
  const boxes = words
    .filter((w) => w.text.trim() !== '')
    .map((w) => ({ text: w.text.trim(), x: w.bbox[0], cy: (w.bbox[1] + w.bbox[3]) / 2, h: Math.max(1, w.bbox[3] - w.bbox[1]), top: w.bbox[1] }))
    .sort((a, b) => a.cy - b.cy);
  const groups: (typeof boxes)[] = [];
  for (const b of boxes) {
    const g = groups[groups.length - 1];
    const gy = g ? g.reduce((s, x) => s + x.cy, 0) / g.length : 0;
    const gh = g ? median(g.map((x) => x.h)) : 0;
    if (g && Math.abs(b.cy - gy) <= gh * 0.5) g.push(b);
    else groups.push([b]);
  }
  return groups.map((g) => {
    const sorted = [...g].sort((a, b) => a.x - b.x);
    return { text: normaliseLine(sorted.map((x) => x.text).join(' ')), height: median(g.map((x) => x.h)), top: Math.min(...g.map((x) => x.top)) };
  });
}

export function suggestTitle(text: string, words: readonly OcrWord[] = []): string {
  const lines = linesFromWords(words).filter((l) => isTitleCandidate(l.text));
  if (lines.length > 0) {
    const typical = median(lines.map((l) => l.height));
    // Only the upper part of the page: a large signature further down is not a title.
    const limit = Math.ceil(lines.length * 0.5);
    const prominent = lines.slice(0, Math.max(1, limit)).find((l) => l.height >= typical * 1.25);
    return clip((prominent ?? lines[0])?.text ?? '');
  }
  const first = text.split(/\r?\n/).map(normaliseLine).find(isTitleCandidate);
  return clip(first ?? '');
}

function clip(s: string): string {
  return s.length > 200 ? s.slice(0, 200) : s;
}

const CN_DIGITS: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** 一九八五 → 1985 (digit by digit). */
function cnYear(s: string): number {
  return Number([...s].map((c) => CN_DIGITS[c] ?? NaN).join(''));
}

/** 三 → 3, 十 → 10, 十二 → 12, 二十三 → 23, 三十一 → 31. */
function cnSmall(s: string): number {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return NaN;
  const [, tens = '', ten = '', units = ''] = m;
  if (ten === '') return CN_DIGITS[tens + units] ?? NaN; // a single digit, whichever group took it
  return (tens === '' ? 1 : (CN_DIGITS[tens] ?? NaN)) * 10 + (units === '' ? 0 : (CN_DIGITS[units] ?? NaN));
}

function validDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_PATTERNS: { re: RegExp; parse: (m: RegExpExecArray) => string | null }[] = [
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/g, parse: (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3])) },
  {
    re: /(?<!\d)(\d{4})\s*[.\-/．]\s*(\d{1,2})\s*[.\-/．]\s*(\d{1,2})(?!\d)/g,
    parse: (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    re: /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g,
    parse: (m) => validDate(cnYear(m[1] ?? ''), cnSmall(m[2] ?? ''), cnSmall(m[3] ?? '')),
  },
  // 19850312 written as one run of digits (but not eight digits inside an ID number).
  { re: /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/g, parse: (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3])) },
];

/** Every full date in the text, in reading order, as YYYY-MM-DD. */
export function findDates(text: string): string[] {
  const found: { at: number; end: number; date: string }[] = [];
  const compact = text.replace(/[ \t]+(?=[年月日])|(?<=[年月日])[ \t]+/g, '');
  for (const { re, parse } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(compact); m; m = re.exec(compact)) {
      const date = parse(m);
      const at = m.index;
      const end = at + m[0].length;
      // A span already matched by an earlier (more specific) pattern is not counted twice.
      if (date && !found.some((f) => at < f.end && end > f.at)) found.push({ at, end, date });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

export function suggestDate(text: string): string | null {
  const dates = findDates(text);
  return dates[dates.length - 1] ?? null;
}

export function suggestItem(ocr: { text: string; words: readonly OcrWord[] } | null): { title: string; formedOn: string | null } {
  if (!ocr) return { title: '', formedOn: null };
  const text = ocr.text
    .split(/\r?\n/)
    .map(normaliseLine)
    .join('\n');
  return { title: suggestTitle(text, ocr.words), formedOn: suggestDate(text) };
}
