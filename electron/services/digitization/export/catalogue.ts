/**
 * What an export contains, worked out once from the strip and the item list: counted pages get a
 * sequence number and a file name (<档号>-<0001>.jpg); each item knows its first and last image so
 * every image links back to its item and page (数据挂接). Blank sides and covers are not numbered.
 */
import { counts } from '../../../../shared/pageCounting';
import type { ItemEntry, Volume } from '../../../../shared/types';
import type { PageRecord } from '../../db/queries/pages';

export interface ExportImage {
  seq: number;
  fileName: string;
  page: PageRecord;
  /** 序号 of the item the page belongs to ('' for pages before the first item). */
  itemSerial: string;
}

export interface ExportItem extends ItemEntry {
  firstImage: string;
  lastImage: string;
}

export interface Catalogue {
  archiveNo: string;
  volume: Volume;
  images: ExportImage[];
  /** Blank sides and covers: kept out of the numbered sequence, listed in the manifest and XML. */
  excluded: PageRecord[];
  items: ExportItem[];
}

export function imageName(archiveNo: string, seq: number): string {
  return `${archiveNo}-${String(seq).padStart(4, '0')}.jpg`;
}

export function buildCatalogue(volume: Volume & { archiveNo: string }, pages: readonly PageRecord[], items: readonly ItemEntry[]): Catalogue {
  const startOf = new Map(items.map((it) => [it.startPageId, it]));
  const images: ExportImage[] = [];
  const excluded: PageRecord[] = [];
  const perItem = new Map<number, ExportImage[]>();
  let current: ItemEntry | undefined;
  for (const page of pages) {
    current = startOf.get(page.id) ?? current;
    if (!counts(page.kind)) {
      excluded.push(page);
      continue;
    }
    const seq = images.length + 1;
    const image: ExportImage = { seq, fileName: imageName(volume.archiveNo, seq), page, itemSerial: current?.serial ?? '' };
    images.push(image);
    if (current) perItem.set(current.id, [...(perItem.get(current.id) ?? []), image]);
  }
  const exportItems = items.map((it) => {
    const own = perItem.get(it.id) ?? [];
    return { ...it, firstImage: own[0]?.fileName ?? '', lastImage: own[own.length - 1]?.fileName ?? '' };
  });
  return { archiveNo: volume.archiveNo, volume, images, excluded, items: exportItems };
}
