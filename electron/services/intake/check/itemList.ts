/**
 * The optional item list (卷内目录: 序号 | 材料名称 | 材料形成时间 | 页数 | 备注) inside a person's
 * folder: its 页数 column is summed so it can be compared with the page images.
 */
import { AppError } from '../../../../shared/errors';
import { classifyHeader, normaliseHeader } from '../roster/fields';
import { readGrids } from '../roster/readRoster';
import { parseCount } from './rosterChecks';

export type ItemListTotal = { ok: true; pages: number; items: number } | { ok: false; message: string };

const ITEM_HEADER = /材料名称|题名|文件名称|材料题名|序号/;

export async function readItemListTotal(file: string): Promise<ItemListTotal> {
  let grids;
  try {
    grids = (await readGrids(file, { maxFileBytes: 20 * 1024 * 1024, maxUnzippedBytes: 100 * 1024 * 1024, maxRows: 20_000, maxColumns: 40 })).grids;
  } catch (err) {
    return { ok: false, message: err instanceof AppError ? err.message : '文件无法读取' };
  }
  for (const grid of grids) {
    for (let r = 0; r < Math.min(grid.rows.length, 30); r++) {
      const row = grid.rows[r] ?? [];
      const pagesCol = row.findIndex((c) => classifyHeader(c.text) === 'pages');
      if (pagesCol < 0 || !row.some((c) => ITEM_HEADER.test(normaliseHeader(c.text)))) continue;
      let pages = 0;
      let items = 0;
      for (let k = r + 1; k < grid.rows.length; k++) {
        const cells = grid.rows[k] ?? [];
        const first = cells.find((c) => c.text.trim() !== '')?.text.replace(/\s/g, '') ?? '';
        // A totals row would count the pages twice.
        if (/^(合计|总计|小计)/.test(first)) continue;
        const n = parseCount(cells[pagesCol]?.text ?? '');
        if (n === null) continue;
        pages += n;
        items++;
      }
      return { ok: true, pages, items };
    }
  }
  return { ok: false, message: '找不到含“页数”列的卷内目录表头' };
}
