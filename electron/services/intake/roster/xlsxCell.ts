/** Turns an exceljs cell into a GridCell: formulas give their cached result, merged cells their master's value. */
import type ExcelJS from 'exceljs';
import type { GridCell } from './types';

const EMPTY: GridCell = { text: '', kind: 'empty' };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Numbers as Excel shows them in a General cell, without exponent for integers up to 21 digits. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

function fromValue(value: unknown, formula: string | undefined): GridCell {
  const withFormula = (c: GridCell): GridCell => (formula === undefined ? c : { ...c, formula });
  if (value === null || value === undefined) return withFormula(EMPTY);
  if (typeof value === 'number') return withFormula({ text: numberText(value), kind: 'number', number: value });
  if (typeof value === 'string') return withFormula(value.trim() === '' ? EMPTY : { text: value, kind: 'text' });
  if (typeof value === 'boolean') return withFormula({ text: value ? 'TRUE' : 'FALSE', kind: 'bool' });
  if (value instanceof Date) return withFormula({ text: dateText(value), kind: 'date' });
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      const text = (v.richText as { text?: unknown }[]).map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
      return withFormula(text.trim() === '' ? EMPTY : { text, kind: 'text' });
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const f = typeof v.formula === 'string' ? v.formula : typeof v.sharedFormula === 'string' ? v.sharedFormula : '';
      // Never recompute: the cached result is what the enterprise saw when it saved the file.
      return fromValue(v.result, f);
    }
    if ('error' in v) return withFormula({ text: String(v.error), kind: 'error' });
    if ('text' in v) return fromValue(v.text, formula); // hyperlink
  }
  return withFormula({ text: String(value), kind: 'text' });
}

export function gridCell(cell: ExcelJS.Cell): GridCell {
  const source = cell.isMerged && cell.master !== cell ? cell.master : cell;
  return fromValue(source.value, undefined);
}
