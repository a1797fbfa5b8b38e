/**
 * Which item (卷内目录 row) each image of the strip belongs to, so the strip can colour item
 * ranges and put a start marker on each item's first page. Strip order decides, as in
 * shared/pageCounting: an item runs from its start page to the page before the next start.
 */
import type { ItemEntry, PageInfo } from '../../../shared/types';

export interface PageItemMark {
  item: ItemEntry;
  /** The item's place in strip order, for its colour. */
  index: number;
  isStart: boolean;
}

export function pageItemMarks(pages: readonly Pick<PageInfo, 'id'>[], items: readonly ItemEntry[]): Map<number, PageItemMark> {
  const startAt = new Map<number, ItemEntry>();
  for (const it of items) startAt.set(it.startPageId, it);
  const out = new Map<number, PageItemMark>();
  let current: { item: ItemEntry; index: number } | null = null;
  let index = -1;
  for (const p of pages) {
    const starting = startAt.get(p.id);
    if (starting) current = { item: starting, index: ++index };
    if (current) out.set(p.id, { ...current, isStart: starting !== undefined });
  }
  return out;
}

/** Items in strip order (by their start page), items whose start page is gone last. */
export function itemsInStripOrder(pages: readonly Pick<PageInfo, 'id' | 'position'>[], items: readonly ItemEntry[]): ItemEntry[] {
  const pos = new Map(pages.map((p) => [p.id, p.position]));
  return [...items].sort((a, b) => (pos.get(a.startPageId) ?? Infinity) - (pos.get(b.startPageId) ?? Infinity));
}

/** Distinct, print-safe hues; neighbours in the strip never share one. */
const ITEM_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

export function itemColour(index: number): string {
  return ITEM_COLOURS[((index % ITEM_COLOURS.length) + ITEM_COLOURS.length) % ITEM_COLOURS.length] as string;
}
