/**
 * Finds the header row(s) of a roster sheet and maps its columns to fields. Title rows above and
 * two-row headers with merged cells (移交地 over 县（市区） and 乡镇（街道）、社区) are handled; when
 * the result needs a person's judgement the mapping comes back with `ambiguous` and the reasons.
 */
import { checkIdNumber } from '../../../../shared/idNumber';
import { classifyHeader, REQUIRED_FIELDS } from './fields';
import { FIELD_LABELS, type ColumnMapping, type Grid, type GridCell, type RosterField } from './types';

const SCAN_ROWS = 40;
/** Fields that make a row look like a header (serial numbers alone do not). */
const HEADER_EVIDENCE: readonly RosterField[] = ['name', 'idNumber', 'volumes', 'pages', 'county', 'town', 'community', 'townCommunity', 'place', 'other', 'remarks'];

export interface DetectedMapping {
  mapping: ColumnMapping;
  ambiguities: string[];
  candidates: Partial<Record<RosterField, number[]>>;
  headerTexts: Record<number, string>;
}

function text(cell: GridCell | undefined): string {
  return cell?.text.trim() ?? '';
}

function looksLikeData(row: readonly GridCell[]): boolean {
  return row.some((c) => /\d{6,}/.test(c.text) || (c.kind === 'number' && Math.abs(c.number ?? 0) >= 1e5));
}

function fieldsIn(row: readonly GridCell[]): Set<RosterField> {
  const found = new Set<RosterField>();
  for (const c of row) {
    const f = classifyHeader(c.text);
    if (f) found.add(f);
  }
  return found;
}

function isHeaderRow(row: readonly GridCell[]): boolean {
  const f = fieldsIn(row);
  const evidence = HEADER_EVIDENCE.filter((x) => f.has(x)).length;
  return (f.has('name') && f.has('idNumber')) || evidence >= 3;
}

/** Header text per column over the header rows; merged cells repeat their text, so repeats are dropped. */
function columnTexts(grid: Grid, first: number, last: number): Map<number, string> {
  const width = Math.max(0, ...grid.rows.slice(first - 1, last).map((r) => r.length));
  const out = new Map<number, string>();
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = first; r <= last; r++) {
      const t = text(grid.rows[r - 1]?.[c]);
      if (t && !parts.includes(t)) parts.push(t);
    }
    if (parts.length > 0) out.set(c + 1, parts.join(' '));
  }
  return out;
}

function headerRange(grid: Grid): { first: number; last: number } | null {
  const limit = Math.min(grid.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r] ?? [];
    if (!isHeaderRow(row)) continue;
    let last = r;
    // Sub-header rows: named fields, no data (e.g. 县（市区） under a merged 移交地).
    for (let k = r + 1; k <= r + 2 && k < grid.rows.length; k++) {
      const next = grid.rows[k] ?? [];
      if (looksLikeData(next) || fieldsIn(next).size === 0) break;
      last = k;
    }
    return { first: r + 1, last: last + 1 };
  }
  return null;
}

function sampleColumn(grid: Grid, dataStart: number, col: number, n = 200): string[] {
  const out: string[] = [];
  for (let r = dataStart - 1; r < grid.rows.length && out.length < n; r++) {
    const t = text(grid.rows[r]?.[col - 1]);
    if (t) out.push(t);
  }
  return out;
}

function idShare(values: readonly string[]): number {
  if (values.length === 0) return 0;
  return values.filter((v) => /^\d{17}[\dXx]$/.test(v.replace(/\s/g, '')) || checkIdNumber(v).ok).length / values.length;
}

/** Detects the mapping of one sheet, or null when the sheet has no roster header. */
export function detectMapping(grid: Grid): DetectedMapping | null {
  const range = headerRange(grid);
  if (!range) return null;
  const texts = columnTexts(grid, range.first, range.last);
  const byField = new Map<RosterField, number[]>();
  for (const [col, t] of texts) {
    const f = classifyHeader(t);
    if (f) byField.set(f, [...(byField.get(f) ?? []), col]);
  }
  const dataStart = range.last + 1;
  const ambiguities: string[] = [];
  const columns: Partial<Record<RosterField, number>> = {};
  const candidates: Partial<Record<RosterField, number[]>> = {};
  for (const [field, cols] of byField) {
    let chosen = cols[0] as number;
    if (cols.length > 1) {
      candidates[field] = cols;
      const samples = cols.map((c) => sampleColumn(grid, dataStart, c));
      const same = samples.every((s) => s.join('\n') === samples[0]?.join('\n'));
      if (field === 'idNumber') {
        // 身份证号 and 社会保障号码 side by side: take the column whose content is ID numbers.
        const shares = samples.map(idShare);
        const best = shares.indexOf(Math.max(...shares));
        chosen = cols[best] ?? chosen;
      }
      if (!same) {
        const list = cols.map((c) => `第 ${c} 列「${texts.get(c) ?? ''}」`).join('、');
        ambiguities.push(`有 ${cols.length} 列都像“${FIELD_LABELS[field]}”：${list}，暂按第 ${chosen} 列读取，请确认。`);
      }
    }
    columns[field] = chosen;
  }
  if (columns.idNumber === undefined) {
    // No header names the ID column: take the column whose content is ID numbers, and say so.
    let best = 0;
    let bestShare = 0;
    for (const col of texts.keys()) {
      if (Object.values(columns).includes(col)) continue;
      const share = idShare(sampleColumn(grid, dataStart, col));
      if (share > bestShare) {
        best = col;
        bestShare = share;
      }
    }
    if (bestShare >= 0.5) {
      columns.idNumber = best;
      ambiguities.push(`表头中没有“身份证号”列，按内容推断为第 ${best} 列「${texts.get(best) ?? ''}」，请确认。`);
    }
  }
  for (const f of REQUIRED_FIELDS) {
    if (columns[f] === undefined) ambiguities.push(`没有找到“${FIELD_LABELS[f]}”列，请指定它在第几列。`);
  }
  const place = ['county', 'town', 'community', 'townCommunity', 'place'] as const;
  if (!place.some((f) => columns[f] !== undefined)) ambiguities.push('没有找到“移交地”（乡镇（街道）、社区）列，请指定它在第几列。');
  const headerTexts: Record<number, string> = {};
  for (const col of Object.values(columns)) headerTexts[col] = texts.get(col) ?? '';
  return { mapping: { sheet: grid.sheet, headerRows: range, columns }, ambiguities, candidates, headerTexts };
}
