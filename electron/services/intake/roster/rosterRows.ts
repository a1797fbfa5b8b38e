/**
 * Reads person rows below the header: skips empty and pre-numbered template rows, repeated headers,
 * totals (合计) and notes, and stops at the footer (填报人, 联系电话, 填报日期), whose values it keeps.
 */
import { classifyHeader, FOOTER_LABELS, splitPlace } from './fields';
import type { ColumnMapping, Grid, GridCell, RosterFooter, RosterRow } from './types';

const EMPTY: GridCell = { text: '', kind: 'empty' };

/** The footer starts with a label in its first cell and holds no ID number (a remark like "负责人已签字" does not end the table). */
function isFooterRow(row: readonly GridCell[]): boolean {
  const first = row.find((c) => c.text.trim() !== '')?.text.replace(/\s/g, '') ?? '';
  return FOOTER_LABELS.some((label) => first.startsWith(label)) && !row.some((c) => /\d{15,}/.test(c.text));
}

function isTotalsOrNote(row: readonly GridCell[]): boolean {
  const first = row.find((c) => c.text.trim() !== '')?.text.replace(/\s/g, '') ?? '';
  return /^(合计|总计|小计)/.test(first) || /^(注|说明)[:：]/.test(first);
}

/** Values after each footer label, up to the next label ("填报人：张三 联系电话：…"). */
export function parseFooter(rows: readonly (readonly GridCell[])[]): RosterFooter {
  const line = rows.map((r) => r.map((c) => c.text.trim()).filter((t) => t !== '').join(' ')).join(' ');
  const labels: [keyof RosterFooter, RegExp][] = [
    ['filledBy', /(填报人|填表人|制表人)/],
    ['phone', /联系电话/],
    ['date', /(填报日期|填表日期)/],
  ];
  const marks = [...line.matchAll(/(填报人|填表人|制表人|联系电话|填报日期|填表日期|审核人|负责人|[（(]?单位[）)]?盖章|[（(]盖章[）)])/g)].map((m) => ({
    at: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const footer: RosterFooter = { filledBy: '', phone: '', date: '' };
  for (const [key, re] of labels) {
    const m = re.exec(line);
    if (!m) continue;
    const start = (m.index ?? 0) + m[0].length;
    const next = marks.find((x) => x.at >= start)?.at ?? line.length;
    footer[key] = line.slice(start, next).replace(/^[\s:：]+/, '').trim();
  }
  return footer;
}

function cellText(row: readonly GridCell[], col: number | undefined): string {
  if (col === undefined) return '';
  return (row[col - 1] ?? EMPTY).text.trim();
}

/** The ID cell's text with spaces, a leading apostrophe and Excel's ="…" wrapper removed. */
function idText(cell: GridCell): string {
  return cell.text.replace(/^'|^="|"$/g, '').replace(/[\s\u3000]/g, '');
}

export interface SheetRows {
  rows: RosterRow[];
  title: string[];
  footer: RosterFooter | null;
}

export function readRows(grid: Grid, mapping: ColumnMapping): SheetRows {
  const cols = mapping.columns;
  const title = grid.rows
    .slice(0, mapping.headerRows.first - 1)
    .map((r) => [...new Set(r.map((c) => c.text.trim()).filter((t) => t !== ''))].join(' '))
    .filter((t) => t !== '');
  const rows: RosterRow[] = [];
  const contentCols = Object.entries(cols)
    .filter(([f]) => f !== 'serial')
    .map(([, c]) => c);
  for (let r = mapping.headerRows.last; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (isFooterRow(row)) return { rows, title, footer: parseFooter(grid.rows.slice(r)) };
    if (contentCols.every((c) => cellText(row, c) === '')) continue;
    if (isTotalsOrNote(row)) continue;
    // A header repeated on every printed page.
    if (cols.name !== undefined && classifyHeader(cellText(row, cols.name)) === 'name') continue;
    const idCell = cols.idNumber !== undefined ? (row[cols.idNumber - 1] ?? EMPTY) : EMPTY;
    let county = cellText(row, cols.county);
    let town = cellText(row, cols.town);
    let community = cellText(row, cols.community);
    const combined = cellText(row, cols.townCommunity) || cellText(row, cols.place);
    if (combined) {
      const split = splitPlace(combined);
      county ||= split.county;
      town ||= split.town;
      community ||= split.community;
    }
    rows.push({
      sheet: grid.sheet,
      row: r + 1,
      name: cellText(row, cols.name).replace(/[\s\u3000]+/g, ''),
      idText: idText(idCell),
      idNumeric: idCell.kind === 'number',
      idFormula: idCell.formula ?? null,
      county,
      town,
      community,
      volumesText: cellText(row, cols.volumes),
      pagesText: cellText(row, cols.pages),
      other: cellText(row, cols.other),
      remarks: cellText(row, cols.remarks),
    });
  }
  return { rows, title, footer: null };
}

/** Just the roster fields of a row that carries more (a stored row with its id, match and place). */
export function rosterRowOf(r: RosterRow): RosterRow {
  return {
    sheet: r.sheet,
    row: r.row,
    name: r.name,
    idText: r.idText,
    idNumeric: r.idNumeric,
    idFormula: r.idFormula,
    county: r.county,
    town: r.town,
    community: r.community,
    volumesText: r.volumesText,
    pagesText: r.pagesText,
    other: r.other,
    remarks: r.remarks,
  };
}
