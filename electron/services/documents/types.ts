/**
 * The data each printed document needs. The services assemble these from the catalogue; the
 * templates (one file per form under templates/) lay them out on A4 in the official form and
 * return PDF bytes. Dates are 'YYYY-MM-DD'; every string is shown as given (already Chinese).
 */
import type { LabelGridSetting } from '../../../shared/storageTypes';

/** 转递回执确认表 (domain.md §3): notice half + receipt half on one A4 page. Used for intake and transfers out. */
export interface TransferReceiptDoc {
  /** 接收单位名称 — who receives the files. */
  receiverUnit: string;
  /** 移交单位 — who sends them (the enterprise, or this archive for a transfer out). */
  senderUnit: string;
  /** Names in roster/number order; the form prints the first two and "等 N 名同志". */
  names: string[];
  persons: number;
  volumes: number;
  /** First and last archive number of the range (第 … 号至 … 号). */
  firstNo: string;
  lastNo: string;
  /** Date the notice was made / sent. */
  sentOn: string;
  /** Date the receiver got them (receipt half); null prints blanks to fill by hand. */
  receivedOn: string | null;
  /** Reference printed in the corner (batch or transfer number) so a returned receipt can be matched. */
  reference: string;
  /** The files travel with their digital copies (adds 「包括以上档案配套的电子档案」). */
  withDigitalCopies: boolean;
}

export interface FindingLine {
  person: string;
  idNumber: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** How the desk resolved it (e.g. 已收到书面说明), or '' while open. */
  resolution: string;
}

/** 质量检验合格报告 (pass) or 退回通知 (return) for one intake batch, with its findings. */
export interface InspectionDoc {
  kind: 'pass' | 'return';
  archiveUnit: string;
  enterprise: string;
  batchNo: string;
  deliveredBy: string;
  deliveredOn: string;
  inspectedBy: string;
  inspectedOn: string;
  persons: number;
  volumes: number;
  pages: number;
  findings: FindingLine[];
  /** Free text: what the enterprise must do (return) or the conclusion (pass). */
  conclusion: string;
}

/** One label on an A4 label sheet: archive number as Code 128 and QR, name and community. */
export interface FileLabel {
  archiveNo: string;
  name: string;
  community: string;
  /** 第 n 卷 / 共 m 卷 */
  volumeNo: number;
  volumes: number;
}

/** The label stock as set up in storage settings (one definition for the setting and the sheet). */
export type LabelGrid = LabelGridSetting;

export interface LabelSheetDoc {
  kind: 'spine' | 'box';
  grid: LabelGrid;
  labels: FileLabel[];
  /** Skip this many cells on the first sheet (a partly used sheet). */
  skip: number;
}

/** Shelf-end label: the place and the range of archive numbers it holds. */
export interface ShelfEndLabel {
  place: string;
  firstNo: string;
  lastNo: string;
  communities: string[];
}

/** A generic official list/report: title, header fields, one table, notes, signature lines. */
export interface TableReportDoc {
  title: string;
  subtitle?: string;
  /** Label/value pairs printed under the title, two per line. */
  fields: { label: string; value: string }[];
  columns: { title: string; /** relative width */ width: number; align?: 'left' | 'center' | 'right' }[];
  rows: string[][];
  notes?: string[];
  /** Signature lines at the foot, e.g. 经办人（签名）, 审批人（签名）, each with a date blank. */
  signatures?: string[];
  landscape?: boolean;
  /** Printed faintly across every page (lending copies): reader, date, request number. */
  watermark?: string;
}

/** 查（借）阅审批表 for one request. */
export interface LendingFormDoc {
  requestNo: string;
  type: string;
  purpose: string;
  unit: string;
  letterNo: string;
  readers: { name: string; idNumber: string; unit: string; post: string; political: string; contact: string }[];
  files: { archiveNo: string; name: string; idNumber: string; scope: string }[];
  period: string;
  enteredBy: string;
  enteredAt: string;
  approvals: { level: string; by: string; at: string; decision: string; opinion: string }[];
  checkout: { by: string; at: string; due: string } | null;
  returned: { by: string; at: string; condition: string } | null;
}

/** Page images with a watermark and a certification footer (lending copies and extracts). */
export interface ImagePagesDoc {
  pages: { jpeg: Uint8Array; widthPx: number; heightPx: number; dpi: number }[];
  watermark: string;
  footer: string;
}
