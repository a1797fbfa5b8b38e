/**
 * Output types of the intake area (接收): batches, roster rows, desk counts, findings, numbering
 * settings, acceptance, receipts (回执) and the ledger (台账). Shared by the core and the renderer.
 */
import type { DocumentInfo, JobProgress } from './types';

/** 登记 → 核验中 → 退回 / 已接收 */
export const BATCH_STATUSES = ['registered', 'checking', 'returned', 'accepted'] as const;
export type IntakeBatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_STATUS_LABELS: Record<IntakeBatchStatus, string> = {
  registered: '登记',
  checking: '核验中',
  returned: '退回',
  accepted: '已接收',
};

export interface IntakeBatch {
  id: number;
  /** 批次号, e.g. JS2026-0007 (year + running number, never reused). */
  batchNo: string;
  enterprise: string;
  contact: string;
  contactPhone: string;
  deliveredBy: string;
  deliveredOn: string;
  note: string;
  status: IntakeBatchStatus;
  /** Roster file last imported (path as given), null before import. */
  rosterFile: string | null;
  /** Digital-copy folder last checked, null before the first check. */
  packageDir: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  returnedOn: string | null;
  returnReason: string;
  acceptedOn: string | null;
  acceptedBy: string | null;
  /** The supervisor's note when the batch was accepted with open findings ('' otherwise). */
  overrideNote: string;
  /** First and last archive number issued to this batch (null before acceptance). */
  firstNo: string | null;
  lastNo: string | null;
}

export interface IntakeBatchCounts {
  /** Persons on the roster (rows). */
  persons: number;
  /** 卷数 / 页数 declared on the roster (rows whose value is a valid number). */
  volumes: number;
  pages: number;
  /** Persons counted at the desk. */
  deskCounted: number;
  findingsOpen: number;
  findingsResolved: number;
  errorsOpen: number;
  warningsOpen: number;
}

export interface IntakeBatchDetail {
  batch: IntakeBatch;
  counts: IntakeBatchCounts;
  documents: DocumentInfo[];
  /** Jobs still running for this batch (check, digital-copy import). */
  runningJobs: IntakeJob[];
  /** What acceptance would need right now, in Chinese ('' = nothing stands in the way). */
  acceptBlockers: string[];
}

/** One roster row as stored, with the desk's count and what acceptance made of it. */
export interface IntakePerson {
  rosterRowId: number;
  /** Roster order (1-based) within the batch. */
  position: number;
  sheet: string;
  /** Spreadsheet row number (what the desk sees in Excel). */
  row: number;
  name: string;
  /** ID as written (normalised to upper-case X when readable). */
  idNumber: string;
  idValid: boolean;
  town: string;
  community: string;
  /** The registered community the row's place names match (null: unknown). */
  communityId: number | null;
  communityName: string | null;
  volumesDeclared: number | null;
  pagesDeclared: number | null;
  other: string;
  remarks: string;
  desk: DeskCount | null;
  findingsOpen: number;
  /** After acceptance: the retiree record and the archive number issued. */
  personId: number | null;
  archiveNo: string | null;
}

/** The desk's physical count for one person (扫码枪 or typed ID). */
export interface DeskCount {
  rosterRowId: number;
  volumes: number;
  pages: number;
  /** Measured total thickness in mm (null: volumes × the default is used). */
  thicknessMm: number | null;
  /** 书面说明 of missing material, as recorded by the desk. */
  explanation: string;
  countedAt: string;
  countedBy: string;
}

export interface DeskRecordResult {
  person: IntakePerson;
  /** Differences from the roster, in Chinese (empty: the count matches). */
  differences: string[];
}

export const FINDING_SOURCES = ['roster', 'desk', 'digital'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export interface IntakeFinding {
  id: number;
  batchId: number;
  source: FindingSource;
  /** Stable code (README "Intake finding codes", plus DESK_VOLUMES_MISMATCH / DESK_PAGES_MISMATCH). */
  code: string;
  severity: 'error' | 'warning';
  idNumber: string | null;
  name: string | null;
  /** Roster row id the finding concerns (null: not one person, e.g. a stray folder). */
  rosterRowId: number | null;
  file: string | null;
  page: number | null;
  row: number | null;
  message: string;
  state: 'open' | 'resolved';
  resolution: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

/** A background job of the intake area (the check, or the import of the digital copies). */
export interface IntakeJob extends JobProgress {
  id: string;
  kind: 'check' | 'import-copies';
  batchId: number;
  /** The check's current phase in Chinese (扫描文件夹 / 哈希与文件头 / 解码检查 / 页码识别 / 保存结果). */
  phase: string;
}

export interface RosterPreview {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  mapping: RosterColumnMapping;
  ambiguous: boolean;
  ambiguities: string[];
  /** Other candidate columns per field (1-based). */
  candidates: Partial<Record<RosterFieldName, number[]>>;
  /** Header text per column (1-based column number as key). */
  headerTexts: Record<number, string>;
  /** Field → label (姓名, 社会保障号码（身份证号）…) for the mapping screen. */
  fieldLabels: Record<RosterFieldName, string>;
  title: string[];
  footer: { filledBy: string; phone: string; date: string };
  rowCount: number;
  /** The first rows as read with this mapping. */
  rows: RosterPreviewRow[];
}

export type RosterFieldName = 'serial' | 'name' | 'idNumber' | 'county' | 'town' | 'community' | 'townCommunity' | 'place' | 'volumes' | 'pages' | 'other' | 'remarks';

export interface RosterColumnMapping {
  sheet: string;
  headerRows: { first: number; last: number };
  columns: Partial<Record<RosterFieldName, number>>;
}

export interface RosterPreviewRow {
  row: number;
  name: string;
  idNumber: string;
  town: string;
  community: string;
  volumes: string;
  pages: string;
  remarks: string;
}

export interface RosterImportResult {
  batch: IntakeBatch;
  rows: number;
  /** Roster findings now stored (digital findings of an earlier check were cleared). */
  findings: number;
  errors: number;
  warnings: number;
}

/** Archive-number pattern (domain.md §4): prefix-region-community-sequence, e.g. CCSRS-0102-003-0001. */
export interface NumberingSettings {
  /** 全宗/机构代码 prefix, e.g. CCSRS ('' = none). */
  prefix: string;
  /** District (区县) code put before the town code, e.g. 01 ('' = none). */
  districtCode: string;
  /** Put the town/street code after the district code (0102 = district 01 + street 02). */
  includeTownCode: boolean;
  /** Put the community code in the number. */
  includeCommunityCode: boolean;
  separator: '-' | '' | '/' | '.' | '_';
  /** Digits of the running number, zero-padded (default 4). */
  sequenceWidth: number;
}

export interface IntakeSettings {
  numbering: NumberingSettings;
  /** 接收单位名称 printed on receipts and reports. */
  archiveUnit: string;
  /** Thickness per volume when not measured at the desk, mm. */
  defaultThicknessMm: number;
  /** SKEW finding above this many degrees. */
  skewLimitDegrees: number;
  /** Read printed page numbers by OCR during the check. */
  readPageNumbers: boolean;
  /** The next number per community under these settings (at most 20 communities). */
  preview: { communityId: number; community: string; next: string }[];
}

export interface AcceptResult {
  batch: IntakeBatch;
  /** Archive files created, in number order. */
  files: BatchFile[];
  receiptId: number;
  documents: DocumentInfo[];
  /** The background import of the digital copies (null: no digital-copy folder). */
  importJobId: string | null;
  /** Document generation problems (the batch is accepted; reprint later with intake.documents.regenerate). */
  documentProblems: string[];
}

/** One archive file (案卷) of a batch: the 案卷目录 row. */
export interface BatchFile {
  fileId: number;
  personId: number;
  archiveNo: string;
  seq: number;
  name: string;
  sex: 'M' | 'F';
  idNumber: string;
  communityId: number;
  community: string;
  town: string;
  volumes: number;
  pages: number;
  thicknessMm: number;
  receivedOn: string;
  remarks: string;
  /** Pages of the digital copy stored so far (all volumes). */
  digitalPages: number;
}

export interface ReturnResult {
  batch: IntakeBatch;
  document: DocumentInfo | null;
  documentProblems: string[];
}

export interface ReceiptInfo {
  id: number;
  kind: 'intake' | 'transfer_out';
  refId: number;
  /** Batch number (intake) or transfer reference. */
  reference: string;
  counterparty: string;
  numberRange: string;
  persons: number;
  volumes: number;
  sentOn: string;
  returnedOn: string | null;
  returnedNote: string;
  documentId: number | null;
  /** Days since sent (to returnedOn, or to today while open). */
  daysOutstanding: number;
  /** Open and more than one calendar month since sentOn. */
  overdue: boolean;
}

export interface ReceiptList {
  rows: ReceiptInfo[];
  total: number;
  /** Open receipts overdue (all of them, not only this page). */
  overdue: number;
}

export interface LedgerRow {
  batchId: number;
  batchNo: string;
  enterprise: string;
  deliveredBy: string;
  deliveredOn: string;
  status: IntakeBatchStatus;
  persons: number;
  volumes: number;
  pages: number;
  findingsOpen: number;
  findingsTotal: number;
  firstNo: string | null;
  lastNo: string | null;
  acceptedOn: string | null;
  returnedOn: string | null;
  receiptReturnedOn: string | null;
}

export interface LedgerPage {
  rows: LedgerRow[];
  total: number;
  /** Totals over all matching batches (not only this page). */
  totals: { batches: number; persons: number; volumes: number; pages: number };
}
