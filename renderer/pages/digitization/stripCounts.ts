/** The count the clerk always sees: 计数页数 N（共 M 张图像，空白 x，封面 y）. */
import { counts } from '../../../shared/pageCounting';
import type { PageInfo } from '../../../shared/types';

export interface StripCounts {
  counted: number;
  images: number;
  blank: number;
  cover: number;
}

export function stripCounts(pages: readonly Pick<PageInfo, 'kind'>[]): StripCounts {
  let counted = 0;
  let blank = 0;
  let cover = 0;
  for (const p of pages) {
    if (counts(p.kind)) counted++;
    else if (p.kind === 'blank') blank++;
    else cover++;
  }
  return { counted, images: pages.length, blank, cover };
}

/** `counted` comes from the service (page.list pageCount) when known, so both always agree. */
export function countLine(c: StripCounts, serviceCount?: number): string {
  return `计数页数 ${serviceCount ?? c.counted}（共 ${c.images} 张图像，空白 ${c.blank}，封面 ${c.cover}）`;
}
