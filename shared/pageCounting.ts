/**
 * Page counting (domain.md §5): every written side is one page; covers, back covers, interleaf
 * sheets and blank sides are not counted and not numbered. An item (卷内目录 row) starts at a page
 * in the strip and runs to the page before the next item's start.
 */
export type PageKind = 'page' | 'blank' | 'cover';

export interface StripPage {
  id: number;
  kind: PageKind;
  /** The number printed on the paper, as read by OCR (null if none was read). */
  printedNumber: number | null;
}

export interface ItemStart {
  itemKey: string | number;
  startPageId: number;
  classCode: string;
}

export function counts(kind: PageKind): boolean {
  return kind === 'page';
}

/** Pages counted in a volume. */
export function volumePageCount(pages: readonly StripPage[]): number {
  return pages.filter((p) => counts(p.kind)).length;
}

/**
 * Counted pages per item, following strip order. Items whose start page is not in the strip get 0.
 * Pages before the first item's start belong to no item (returned as `unassigned`).
 */
export function itemPageCounts(pages: readonly StripPage[], items: readonly ItemStart[]): { perItem: Map<ItemStart['itemKey'], number>; unassigned: number } {
  const indexOf = new Map(pages.map((p, i) => [p.id, i]));
  const starts = items
    .map((it) => ({ it, at: indexOf.get(it.startPageId) }))
    .filter((x): x is { it: ItemStart; at: number } => x.at !== undefined)
    .sort((a, b) => a.at - b.at);
  const perItem = new Map<ItemStart['itemKey'], number>(items.map((it) => [it.itemKey, 0]));
  let unassigned = 0;
  const firstStart = starts[0]?.at ?? pages.length;
  for (let i = 0; i < firstStart; i++) if (counts(pages[i]?.kind ?? 'blank')) unassigned++;
  starts.forEach(({ it, at }, k) => {
    const end = starts[k + 1]?.at ?? pages.length;
    let n = 0;
    for (let i = at; i < end; i++) if (counts(pages[i]?.kind ?? 'blank')) n++;
    perItem.set(it.itemKey, n);
  });
  return { perItem, unassigned };
}

/**
 * 序号 for each item: class code + the item's number within its class, numbered in strip order
 * (e.g. the third item of class 4-1 is "4-1-3").
 */
export function itemSerials(pages: readonly StripPage[], items: readonly ItemStart[]): Map<ItemStart['itemKey'], string> {
  const indexOf = new Map(pages.map((p, i) => [p.id, i]));
  const ordered = [...items].sort((a, b) => (indexOf.get(a.startPageId) ?? Infinity) - (indexOf.get(b.startPageId) ?? Infinity));
  const perClass = new Map<string, number>();
  const out = new Map<ItemStart['itemKey'], string>();
  for (const it of ordered) {
    const n = (perClass.get(it.classCode) ?? 0) + 1;
    perClass.set(it.classCode, n);
    out.set(it.itemKey, `${it.classCode}-${n}`);
  }
  return out;
}

export type SequenceProblem =
  | { kind: 'gap'; afterPageId: number; missing: number[] }
  | { kind: 'repeat'; pageId: number; number: number }
  | { kind: 'unread'; pageId: number };

/**
 * Checks the printed page numbers of counted pages run 1, 2, 3… in strip order: a missing page must
 * be caught before the paper goes back to the shelf. Unread numbers are reported, not guessed.
 */
export function checkPageSequence(pages: readonly StripPage[]): SequenceProblem[] {
  const problems: SequenceProblem[] = [];
  const seen = new Map<number, number>();
  let last: { id: number; n: number } | null = null;
  for (const p of pages) {
    if (!counts(p.kind)) continue;
    if (p.printedNumber === null) {
      problems.push({ kind: 'unread', pageId: p.id });
      continue;
    }
    const n = p.printedNumber;
    if (seen.has(n)) problems.push({ kind: 'repeat', pageId: p.id, number: n });
    else if (last && n > last.n + 1) {
      const missing: number[] = [];
      for (let k = last.n + 1; k < n && missing.length < 50; k++) missing.push(k);
      problems.push({ kind: 'gap', afterPageId: last.id, missing });
    } else if (!last && n > 1) {
      const missing: number[] = [];
      for (let k = 1; k < n && missing.length < 50; k++) missing.push(k);
      problems.push({ kind: 'gap', afterPageId: 0, missing });
    }
    seen.set(n, p.id);
    if (!last || n > last.n) last = { id: p.id, n };
  }
  return problems;
}
