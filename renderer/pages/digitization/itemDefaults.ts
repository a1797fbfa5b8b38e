/** Defaults for a new item: clerks catalogue in class order, so a new item continues the class before it. */
import { CLASSES, type ClassScheme } from '../../../shared/archiveClasses';
import type { ItemEntry, PageInfo } from '../../../shared/types';

export function defaultClassFor(
  scheme: ClassScheme,
  page: Pick<PageInfo, 'position'>,
  pages: readonly Pick<PageInfo, 'id' | 'position'>[],
  itemsInStripOrder: readonly Pick<ItemEntry, 'startPageId' | 'classCode'>[],
): string {
  const pos = new Map(pages.map((p) => [p.id, p.position]));
  let previous: string | null = null;
  for (const it of itemsInStripOrder) {
    const at = pos.get(it.startPageId);
    if (at !== undefined && at < page.position) previous = it.classCode;
  }
  const valid = CLASSES[scheme];
  if (previous && valid.some((c) => c.code === previous)) return previous;
  return valid[0]?.code ?? '1';
}
