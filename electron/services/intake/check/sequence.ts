/**
 * Printed page numbers of one volume must run 1, 2, 3… in image order (domain.md §5). Pages whose
 * number could not be read are unknowns: they may fill a gap, so a gap is only reported when more
 * numbers are missing than there are unread pages in it. Nothing is guessed.
 */

export interface SequencePage {
  position: number;
  /** null: no number read (reported separately as PAGE_NUMBER_UNREAD). */
  number: number | null;
}

export type SequenceIssue =
  | { kind: 'gap'; position: number; from: number; to: number; missing: number[] }
  | { kind: 'repeat'; position: number; number: number; firstPosition: number }
  | { kind: 'order'; position: number; number: number; after: number };

export function checkSequence(pages: readonly SequencePage[]): SequenceIssue[] {
  const issues: SequenceIssue[] = [];
  const seen = new Map<number, number>();
  let last = 0;
  let unread = 0;
  for (const p of pages) {
    if (p.number === null) {
      unread++;
      continue;
    }
    const n = p.number;
    const first = seen.get(n);
    if (first !== undefined) issues.push({ kind: 'repeat', position: p.position, number: n, firstPosition: first });
    else if (n <= last) issues.push({ kind: 'order', position: p.position, number: n, after: last });
    else if (n - last - 1 > unread) {
      const missing: number[] = [];
      for (let k = last + 1 + unread; k < n && missing.length < 50; k++) missing.push(k);
      issues.push({ kind: 'gap', position: p.position, from: last, to: n, missing });
    }
    if (first === undefined) seen.set(n, p.position);
    if (n > last) last = n;
    unread = 0;
  }
  return issues;
}
