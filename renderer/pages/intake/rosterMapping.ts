/** The column-mapping table of the roster step: column names, edits, and conflicts to warn about. */
import type { RosterColumnMapping, RosterFieldName } from '../../../shared/intakeTypes';

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}

/** "C 列：社会保障号码" — what the desk sees in Excel. */
export function columnLabel(col: number, headerTexts: Record<number, string>): string {
  const text = headerTexts[col]?.trim();
  return text ? `${columnLetter(col)} 列：${text}` : `${columnLetter(col)} 列`;
}

/** Columns worth offering: every column with a header text, the mapped ones and the candidates. */
export function columnChoices(mapping: RosterColumnMapping, headerTexts: Record<number, string>, candidates: Partial<Record<RosterFieldName, number[]>>): number[] {
  const cols = new Set<number>();
  for (const k of Object.keys(headerTexts)) {
    const n = Number(k);
    if (Number.isInteger(n) && n > 0) cols.add(n);
  }
  for (const c of Object.values(mapping.columns)) if (c !== undefined) cols.add(c);
  for (const list of Object.values(candidates)) for (const c of list ?? []) cols.add(c);
  return [...cols].sort((a, b) => a - b);
}

export function withColumn(mapping: RosterColumnMapping, field: RosterFieldName, col: number | null): RosterColumnMapping {
  const columns = { ...mapping.columns };
  if (col === null) delete columns[field];
  else columns[field] = col;
  return { ...mapping, columns };
}

/** Problems that would make the import read the wrong data, in Chinese (empty: fine to import). */
export function mappingProblems(mapping: RosterColumnMapping, labels: Record<RosterFieldName, string>): string[] {
  const out: string[] = [];
  if (mapping.columns.name === undefined) out.push('请指定「姓名」所在的列。');
  if (mapping.columns.idNumber === undefined) out.push('请指定「社会保障号码（身份证号）」所在的列。');
  const byCol = new Map<number, RosterFieldName[]>();
  for (const [field, col] of Object.entries(mapping.columns) as [RosterFieldName, number | undefined][]) {
    if (col === undefined) continue;
    byCol.set(col, [...(byCol.get(col) ?? []), field]);
  }
  for (const [col, fields] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    if (fields.length > 1) out.push(`${columnLetter(col)} 列同时对应了${fields.map((f) => `「${labels[f]}」`).join('和')}，请为每项选择不同的列。`);
  }
  return out;
}

/** Fields the reader was unsure about get a mark in the table (the field has other candidates). */
export function isUncertain(field: RosterFieldName, candidates: Partial<Record<RosterFieldName, number[]>>): boolean {
  return (candidates[field]?.length ?? 0) > 0;
}
