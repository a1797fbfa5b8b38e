/** The approved pages of a viewing session in reading order, each labelled for the page list. */
import type { ViewSession } from '../../../shared/lendingTypes';

export interface FlatPage {
  pageId: number;
  archiveNo: string;
  name: string;
  volumeNo: number;
  position: number;
  label: string;
}

export function flattenPages(s: ViewSession): FlatPage[] {
  const out: FlatPage[] = [];
  for (const f of s.files) {
    for (const v of f.volumes) {
      for (const p of v.pages) {
        const printed = p.printedNumber !== null ? `（页码 ${p.printedNumber}）` : '';
        out.push({
          pageId: p.pageId,
          archiveNo: f.archiveNo,
          name: f.name,
          volumeNo: v.volumeNo,
          position: p.position,
          label: `${f.name} 第 ${v.volumeNo} 卷 第 ${p.position} 张${printed}${p.classCode ? ` · ${p.classCode}` : ''}`,
        });
      }
    }
  }
  return out;
}

/** The watermark tiled over the page on screen: the same text the services burn into the image. */
export function watermarkTiles(text: string, count = 12): string[] {
  return Array.from({ length: count }, () => text);
}
