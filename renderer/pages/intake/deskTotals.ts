/** Running totals of the desk count (清点) against the roster, and which persons do not match. */

export interface DeskLine {
  /** As declared in the roster (null: the roster cell was empty or not a number). */
  rosterVolumes: number | null;
  rosterPages: number | null;
  /** As counted at the desk (null: not counted yet). */
  countedVolumes: number | null;
  countedPages: number | null;
}

/** One roster person as the desk-count screen shows it. */
export interface DeskPerson extends DeskLine {
  key: string;
  idNumber: string;
  name: string;
  note: string;
  thicknessMm: number | null;
}

export type LineState = 'pending' | 'ok' | 'mismatch';

export interface DeskTotals {
  persons: number;
  counted: number;
  rosterVolumes: number;
  rosterPages: number;
  countedVolumes: number;
  countedPages: number;
  mismatches: number;
}

/** Pending until both counts are in; a mismatch as soon as either entered count differs. */
export function lineState(l: DeskLine): LineState {
  const volOff = l.countedVolumes !== null && l.countedVolumes !== l.rosterVolumes;
  const pageOff = l.countedPages !== null && l.countedPages !== l.rosterPages;
  if (volOff || pageOff) return 'mismatch';
  if (l.countedVolumes === null || l.countedPages === null) return 'pending';
  return 'ok';
}

export function deskTotals(lines: readonly DeskLine[]): DeskTotals {
  const t: DeskTotals = { persons: lines.length, counted: 0, rosterVolumes: 0, rosterPages: 0, countedVolumes: 0, countedPages: 0, mismatches: 0 };
  for (const l of lines) {
    t.rosterVolumes += l.rosterVolumes ?? 0;
    t.rosterPages += l.rosterPages ?? 0;
    t.countedVolumes += l.countedVolumes ?? 0;
    t.countedPages += l.countedPages ?? 0;
    if (l.countedVolumes !== null && l.countedPages !== null) t.counted++;
    if (lineState(l) === 'mismatch') t.mismatches++;
  }
  return t;
}

/** "已清点 2 / 3 人；卷数 3 / 4；页数 120 / 135；不符 1 人" — what the desk reads at a glance. */
export function totalsLine(t: DeskTotals): string {
  const parts = [`已清点 ${t.counted} / ${t.persons} 人`, `卷数 ${t.countedVolumes} / ${t.rosterVolumes}`, `页数 ${t.countedPages} / ${t.rosterPages}`];
  if (t.mismatches > 0) parts.push(`与名册不符 ${t.mismatches} 人`);
  return parts.join('；');
}

/** What differs for one person, in words, or null when nothing does. */
export function mismatchText(l: DeskLine): string | null {
  const parts: string[] = [];
  if (l.countedVolumes !== null && l.countedVolumes !== l.rosterVolumes) parts.push(`卷数名册 ${l.rosterVolumes ?? '空'}、实点 ${l.countedVolumes}`);
  if (l.countedPages !== null && l.countedPages !== l.rosterPages) parts.push(`页数名册 ${l.rosterPages ?? '空'}、实点 ${l.countedPages}`);
  return parts.length > 0 ? parts.join('；') : null;
}
