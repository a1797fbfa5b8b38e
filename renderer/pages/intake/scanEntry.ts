/**
 * What the desk typed or scanned into the 清点 box, matched to a roster person. A barcode scanner
 * types the whole ID number; by hand the clerk may type the last digits or the name instead.
 */
import { normaliseIdNumber } from '../../../shared/idNumber';

export interface ScanTarget {
  idNumber: string;
  name: string;
}

export type ScanMatch =
  | { kind: 'match'; index: number }
  | { kind: 'ambiguous'; indexes: number[]; message: string }
  | { kind: 'none'; message: string };

/** Shortest ID tail worth matching on: fewer digits match too many people to be useful. */
const MIN_TAIL = 4;

/** Scanner noise: a leading apostrophe (Excel text marker), ="…" wrappers, inner spaces, full-width digits. */
export function normaliseScan(raw: string): string {
  let s = raw.trim();
  const wrapped = /^="(.*)"$/.exec(s);
  if (wrapped) s = wrapped[1] ?? '';
  s = s.replace(/^['‘’]/, '');
  return normaliseIdNumber(s);
}

export function matchScan(raw: string, targets: readonly ScanTarget[]): ScanMatch {
  const text = normaliseScan(raw);
  if (text === '') return { kind: 'none', message: '请扫描或输入身份证号（也可输入末几位或姓名）后按回车。' };
  const ids = targets.map((t) => normaliseIdNumber(t.idNumber));
  const exact = ids.indexOf(text);
  if (exact >= 0) return { kind: 'match', index: exact };
  if (/^\d{17}[\dX]$/.test(text) || /^\d{15}$/.test(text)) {
    return { kind: 'none', message: `名册中没有身份证号 ${text}。请核对纸质档案上的号码；名册外的档案请记入书面说明并报告主管。` };
  }
  const isTail = /^\d+X?$/.test(text);
  if (isTail && text.length < MIN_TAIL) return { kind: 'none', message: `请至少输入身份证号末 ${MIN_TAIL} 位，或扫描完整号码。` };
  const hits: number[] = [];
  targets.forEach((t, i) => {
    if (isTail ? (ids[i] ?? '').endsWith(text) : t.name.trim() === text) hits.push(i);
  });
  const only = hits[0];
  if (hits.length === 1 && only !== undefined) return { kind: 'match', index: only };
  if (hits.length > 1) {
    return { kind: 'ambiguous', indexes: hits, message: `「${text}」对应名册中 ${hits.length} 人，请扫描或输入完整身份证号。` };
  }
  return {
    kind: 'none',
    message: isTail ? `名册中没有身份证号以 ${text} 结尾的人。请核对号码。` : `名册中没有「${text}」。请扫描身份证号，或核对姓名是否与名册一致。`,
  };
}

/** A count typed at the desk: empty is "not counted yet"; anything else must be a whole number ≥ 0. */
export function parseCount(raw: string, what: '卷数' | '页数'): { ok: true; value: number | null } | { ok: false; message: string } {
  const s = raw.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
  if (s === '') return { ok: true, value: null };
  if (!/^\d{1,6}$/.test(s)) return { ok: false, message: `${what}应为不小于 0 的整数，请重新输入。` };
  return { ok: true, value: Number(s) };
}

/** Measured thickness in mm: optional (empty → the default per volume is used), decimals allowed. */
export function parseThickness(raw: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const s = raw.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/mm$/i, '').trim();
  if (s === '') return { ok: true, value: null };
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(s) || Number(s) > 2000) return { ok: false, message: '厚度应为 0–2000 之间的毫米数（可带小数），不量可留空。' };
  return { ok: true, value: Number(s) };
}
