/**
 * Roster (档案移交名册表) data as read from a spreadsheet: a grid of cells per sheet, the column
 * mapping found from its header rows, and one RosterRow per person row.
 */

/** One spreadsheet cell, reduced to what the checks need. */
export interface GridCell {
  /** Display text (formula cells: the cached result, never recomputed). */
  text: string;
  kind: 'empty' | 'text' | 'number' | 'date' | 'bool' | 'error';
  /** The numeric value when the cell was stored as a number. */
  number?: number;
  /** The formula, when the cell held one. */
  formula?: string;
}

/** One sheet (or a whole CSV file) as rows of cells; rows[0] is spreadsheet row 1. */
export interface Grid {
  sheet: string;
  rows: GridCell[][];
}

/** Roster columns the checks understand. */
export const ROSTER_FIELDS = [
  'serial',
  'name',
  'idNumber',
  'county',
  'town',
  'community',
  'townCommunity',
  'place',
  'volumes',
  'pages',
  'other',
  'remarks',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const FIELD_LABELS: Record<RosterField, string> = {
  serial: '序号',
  name: '姓名',
  idNumber: '社会保障号码（身份证号）',
  county: '县（市区）',
  town: '乡镇（街道）',
  community: '社区',
  townCommunity: '乡镇（街道）、社区',
  place: '移交地',
  volumes: '档案卷数',
  pages: '页数',
  other: '其它资料',
  remarks: '备注',
};

/**
 * Which column holds which field. Columns are 1-based like spreadsheet column numbers; header rows
 * are 1-based spreadsheet row numbers (first..last inclusive). The desk can pass one back as an
 * override when the detected mapping was ambiguous.
 */
export interface ColumnMapping {
  sheet: string;
  headerRows: { first: number; last: number };
  columns: Partial<Record<RosterField, number>>;
}

export interface RosterRow {
  sheet: string;
  /** 1-based spreadsheet row number (what the desk sees in Excel). */
  row: number;
  name: string;
  /** The ID cell as text (after removing spaces, a leading apostrophe or ="…"). */
  idText: string;
  /** The ID cell was stored as a number: digits beyond the 15th are lost. */
  idNumeric: boolean;
  /** The ID cell held a formula (its cached result is in idText). */
  idFormula: string | null;
  county: string;
  town: string;
  community: string;
  volumesText: string;
  pagesText: string;
  other: string;
  remarks: string;
}

/** Text found around the table: title rows above, 填报人 / 联系电话 / 填报日期 below. */
export interface RosterFooter {
  filledBy: string;
  phone: string;
  date: string;
}

export interface RosterReadResult {
  file: string;
  format: 'xlsx' | 'csv';
  /** Detected text encoding (CSV only). */
  encoding: string | null;
  mapping: ColumnMapping;
  /** True when the desk should confirm the mapping (two candidate columns, a field not found…). */
  ambiguous: boolean;
  /** Why the mapping is ambiguous, in Chinese, one sentence each. */
  ambiguities: string[];
  /** Other candidate columns per field (1-based), for the confirmation screen. */
  candidates: Partial<Record<RosterField, number[]>>;
  /** Header text per mapped column (1-based column → text), for showing the mapping. */
  headerTexts: Record<number, string>;
  title: string[];
  footer: RosterFooter;
  rows: RosterRow[];
}

export interface RosterReadOptions {
  /** Explicit mapping (from the desk's confirmation); skips header detection. */
  mapping?: ColumnMapping;
  limits?: Partial<RosterLimits>;
}

export interface RosterLimits {
  /** Largest roster file accepted, bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size of an .xlsx package, bytes (zip bombs). */
  maxUnzippedBytes: number;
  /** Most rows read from one sheet. */
  maxRows: number;
  /** Columns beyond this are ignored (a hostile sheet may claim 16,384). */
  maxColumns: number;
}

export const DEFAULT_ROSTER_LIMITS: RosterLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 300 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 60,
};
