/** 盘点 scope: an optional range of a unit's rows (列), as typed. */
import { parseWhole } from '../unitPreview';

/** Empty = from the first / to the last row; else a row number within the unit. */
export function parseRowRange(fromText: string, toText: string, rows: number): { fromRow: number | null; toRow: number | null } | { error: string } {
  const parse = (t: string, label: string): number | null | string => {
    if (!t.trim()) return null;
    const n = parseWhole(t);
    if (n === null || n < 1 || n > rows) return `${label}应为 1–${rows} 之间的整数（此密集架共 ${rows} 列），留空表示${label === '起始列' ? '从第 1 列' : '到最后一列'}。`;
    return n;
  };
  const from = parse(fromText, '起始列');
  if (typeof from === 'string') return { error: from };
  const to = parse(toText, '结束列');
  if (typeof to === 'string') return { error: to };
  if (from !== null && to !== null && from > to) return { error: '起始列不能大于结束列。' };
  return { fromRow: from, toRow: to };
}
