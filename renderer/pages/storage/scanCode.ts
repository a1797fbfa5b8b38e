/**
 * What a barcode scanner or a hurried clerk typed, cleaned up: scanners in a Chinese IME send
 * full-width characters, some add a prefix/suffix control character, and people paste with spaces.
 */
import { toHalfWidth } from './unitPreview';

/** Trims, turns full-width into ASCII, drops control characters and inner spaces of codes. */
export function normalizeScan(raw: string): string {
  // eslint-disable-next-line no-control-regex -- scanners really do send these
  const clean = toHalfWidth(raw).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  // Inside a code (no CJK) spaces are noise; a name may not contain spaces either.
  return /[\u4e00-\u9fff]/.test(clean) ? clean.replace(/\s+/g, '') : clean.replace(/\s+/g, '').toUpperCase();
}

export type QueryKind = 'idNumber' | 'archiveNo' | 'name' | 'empty';

/** Guesses what was entered, only to word the hint; the core decides with by: 'auto'. */
export function queryKind(q: string): QueryKind {
  const s = normalizeScan(q);
  if (!s) return 'empty';
  if (/^\d{17}[\dX]$/.test(s) || /^\d{15}$/.test(s)) return 'idNumber';
  if (/[\u4e00-\u9fff]/.test(s) && !/\d/.test(s)) return 'name';
  return 'archiveNo';
}

export const QUERY_KIND_LABEL: Record<QueryKind, string> = { idNumber: '身份证号', archiveNo: '档号', name: '姓名', empty: '' };
