/**
 * The 卷内目录 delivered with a digital copy (序号 | 材料名称 | 材料形成时间 | 页数 | 备注): each item
 * starts at the counted page after the previous items' pages, so the rows become item-list entries
 * anchored in the strip. Only a volume without items gets them (a re-run adds nothing twice).
 * Returns a Chinese note when something was left out, '' when all went in.
 */
import { isClassCode } from '../../../../shared/archiveClasses';
import * as iq from '../../db/queries/items';
import * as gq from '../../db/queries/pages';
import { refreshItems } from '../../digitization/items';
import { requireVolume } from '../../digitization/volumes';
import type { DomainContext } from '../../domain/context';
import { writeAudited } from '../../domain/write';
import { parseCount } from '../check/rosterChecks';
import { classifyHeader, normaliseHeader } from '../roster/fields';
import { readGrids } from '../roster/readRoster';
import type { GridCell } from '../roster/types';

interface ItemLine {
  classCode: string;
  title: string;
  formedOn: string | null;
  pages: number;
  note: string;
}

function findCol(header: GridCell[], test: RegExp): number {
  return header.findIndex((c) => test.test(normaliseHeader(c.text)));
}

/** 19820301, 1982-3-1, 1982.03.01, 1982年3月1日 → 1982-03-01 (else null). */
export function itemDate(text: string): string | null {
  const m = /^(\d{4})[-./年]?(\d{1,2})[-./月]?(\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

async function readItems(file: string): Promise<ItemLine[] | null> {
  const { grids } = await readGrids(file, { maxFileBytes: 20 * 1024 * 1024, maxUnzippedBytes: 100 * 1024 * 1024, maxRows: 20_000, maxColumns: 40 });
  for (const grid of grids) {
    for (let r = 0; r < Math.min(grid.rows.length, 30); r++) {
      const header = grid.rows[r] ?? [];
      const pagesCol = header.findIndex((c) => classifyHeader(c.text) === 'pages');
      const titleCol = findCol(header, /材料名称|题名|文件名称|材料题名/);
      if (pagesCol < 0 || titleCol < 0) continue;
      const serialCol = findCol(header, /序号|类号|类别/);
      const dateCol = findCol(header, /形成时间|日期|时间/);
      const noteCol = findCol(header, /备注/);
      const lines: ItemLine[] = [];
      for (const cells of grid.rows.slice(r + 1)) {
        const text = (i: number) => (i >= 0 ? (cells[i]?.text ?? '').trim() : '');
        const pages = parseCount(text(pagesCol));
        if (pages === null || text(titleCol) === '') continue;
        // 序号 4-1-3 → class 4-1; 1-2 → class 1.
        const serial = text(serialCol).replace(/[—－–]/g, '-');
        const classCode = serial.includes('-') ? serial.slice(0, serial.lastIndexOf('-')) : serial;
        lines.push({ classCode, title: text(titleCol).slice(0, 200), formedOn: itemDate(text(dateCol)), pages, note: text(noteCol).slice(0, 200) });
      }
      return lines;
    }
  }
  return null;
}

export async function importItemList(ctx: DomainContext, volumeId: number, file: string): Promise<string> {
  const lines = await readItems(file);
  if (lines === null) return '卷内目录中找不到“材料名称”和“页数”列，未导入卷内目录。';
  const volume = requireVolume(ctx.store, volumeId);
  if (iq.itemsOfVolume(ctx.store, volumeId).length > 0) return '';
  const counted = gq.livePages(ctx.store, volumeId).filter((p) => p.kind === 'page');
  const skipped: string[] = [];
  const planned: (iq.ItemValues & { volumeId: number; personId: number; volumeNo: number })[] = [];
  let at = 0;
  for (const line of lines) {
    const start = counted[at];
    at += line.pages;
    if (!isClassCode(volume.scheme, line.classCode) || !start) {
      skipped.push(line.title);
      continue;
    }
    planned.push({ volumeId, personId: volume.personId, volumeNo: volume.volumeNo, startPageId: start.id, classCode: line.classCode, title: line.title, formedOn: line.formedOn, note: line.note });
  }
  if (planned.length > 0) {
    writeAudited(ctx, (tx) => {
      for (const p of planned) iq.insertItem(tx, p);
      refreshItems(tx, volumeId);
      return { value: null, audit: { action: 'item.import', entity: 'volume', entityId: volumeId, after: { items: planned.length, file: file.split(/[\\/]/).pop() ?? '' } } };
    });
  }
  return skipped.length > 0 ? `卷内目录中有 ${skipped.length} 条因类别无法识别或页数超出图像数未导入（如「${skipped[0]}」），请在数字化中补录。` : '';
}
