/**
 * Sequence problems from page.list in the clerk's words ("第 12 页后缺第 13 页"), and where to
 * show them in the strip. A missing page must be caught before the paper goes back to the shelf.
 */
import type { SequenceProblem } from '../../../shared/pageCounting';
import type { PageInfo } from '../../../shared/types';

/** The service lists at most this many missing numbers per gap. */
const MISSING_LIST_CAP = 50;

/** [13] → "13"; [13,14,15] → "13–15"; [3,7] → "3、7"; a capped list ends with "等". */
export function numberList(ns: readonly number[]): string {
  if (ns.length === 0) return '';
  const runs: string[] = [];
  let start = ns[0] as number;
  let prev = start;
  for (let i = 1; i <= ns.length; i++) {
    const n = ns[i];
    if (n !== undefined && n === prev + 1) {
      prev = n;
      continue;
    }
    runs.push(start === prev ? String(start) : prev === start + 1 ? `${start}、${prev}` : `${start}–${prev}`);
    if (n !== undefined) start = prev = n;
  }
  return runs.join('、') + (ns.length >= MISSING_LIST_CAP ? ' 等' : '');
}

type PageLookup = ReadonlyMap<number, Pick<PageInfo, 'position' | 'printedNumber'>>;

export function describeSequenceProblem(p: SequenceProblem, pages: PageLookup): string {
  switch (p.kind) {
    case 'gap': {
      const missing = `缺第 ${numberList(p.missing)} 页`;
      if (p.afterPageId === 0) return `开头${missing}`;
      const after = pages.get(p.afterPageId);
      if (!after) return missing;
      const where = after.printedNumber !== null ? `第 ${after.printedNumber} 页后` : `图像 ${after.position} 后`;
      return `${where}${missing}（图像 ${after.position} 之后）`;
    }
    case 'repeat': {
      const at = pages.get(p.pageId);
      return `第 ${p.number} 页重复${at ? `（图像 ${at.position}）` : ''}`;
    }
    case 'unread': {
      const at = pages.get(p.pageId);
      return at ? `图像 ${at.position} 未读出页码，请核对后按 P 填写` : '有一张图像未读出页码';
    }
  }
}

/** The page a problem points at, to select it when the clerk clicks the problem. */
export function problemPageId(p: SequenceProblem): number | null {
  switch (p.kind) {
    case 'gap':
      return p.afterPageId === 0 ? null : p.afterPageId;
    case 'repeat':
    case 'unread':
      return p.pageId;
  }
}

export interface StripProblemMarks {
  /** Gaps drawn after a page in the strip (key 0: before the first page). */
  gapAfter: Map<number, string>;
  repeated: Set<number>;
  unread: Set<number>;
}

export function stripProblemMarks(problems: readonly SequenceProblem[]): StripProblemMarks {
  const marks: StripProblemMarks = { gapAfter: new Map(), repeated: new Set(), unread: new Set() };
  for (const p of problems) {
    if (p.kind === 'gap') marks.gapAfter.set(p.afterPageId, `缺第 ${numberList(p.missing)} 页`);
    else if (p.kind === 'repeat') marks.repeated.add(p.pageId);
    else marks.unread.add(p.pageId);
  }
  return marks;
}
