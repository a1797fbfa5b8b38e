/**
 * What an approved request may see of the digital copy: the approved volumes, and within them the
 * pages of the approved classes or items. A page belongs to the item (卷内目录 entry) whose start
 * page is the nearest at or before it; pages before the first item belong to no class.
 */
import type { ViewFile, ViewPage } from '../../../../shared/lendingTypes';
import type { LoanRow } from '../../db/queries/lending';
import * as hq from '../../db/queries/lendingHoldings';
import type { Reader } from '../../store/api';

export interface ScopedPage extends ViewPage {
  allowed: boolean;
  archiveNo: string;
  imageBlob: string;
  width: number;
  height: number;
  dpi: number;
}

function pagesWithClass(db: Reader, volumeId: number): (hq.ScannedPage & { classCode: string | null; itemKey: string | null })[] {
  const pages = hq.livePagesOfVolume(db, volumeId);
  const starts = new Map<number, hq.ItemStart>();
  for (const it of hq.itemStartsOfVolume(db, volumeId)) if (it.startPageId !== null) starts.set(it.startPageId, it);
  let current: hq.ItemStart | null = null;
  return pages.map((p) => {
    current = starts.get(p.pageId) ?? current;
    return { ...p, classCode: current?.classCode ?? null, itemKey: current ? `${current.classCode}-${current.itemNo}` : null };
  });
}

export function scopeOfLoan(db: Reader, loan: LoanRow): { file: ViewFile; pages: ScopedPage[] } {
  const volumesApproved = JSON.parse(loan.volumesJson) as number[];
  const classes = JSON.parse(loan.classesJson) as string[];
  const items = JSON.parse(loan.itemsJson) as string[];
  const narrowed = classes.length > 0 || items.length > 0;
  const all: ScopedPage[] = [];
  const file: ViewFile = { archiveNo: loan.archiveNo, name: loan.name, classes, volumes: [] };
  for (const v of hq.volumesOfPerson(db, loan.personId)) {
    const inVolume = volumesApproved.includes(v.volumeNo);
    const pages = pagesWithClass(db, v.volumeId).map((p): ScopedPage => {
      const byClass = p.classCode !== null && classes.includes(p.classCode);
      const byItem = p.itemKey !== null && items.includes(p.itemKey);
      return {
        pageId: p.pageId, position: p.position, printedNumber: p.printedNumber, classCode: p.classCode,
        allowed: inVolume && (!narrowed || byClass || byItem),
        archiveNo: loan.archiveNo, imageBlob: p.imageBlob, width: p.width, height: p.height, dpi: p.dpi,
      };
    });
    all.push(...pages);
    const visible = pages.filter((p) => p.allowed);
    if (visible.length > 0) {
      file.volumes.push({
        volumeId: v.volumeId, volumeNo: v.volumeNo,
        pages: visible.map((p) => ({ pageId: p.pageId, position: p.position, printedNumber: p.printedNumber, classCode: p.classCode })),
      });
    }
  }
  return { file, pages: all };
}
