/** Domain records as the renderer sees them. Dates are ISO strings (UTC for instants). */
import type { Role } from './roles';
import type { Sex } from './idNumber';

export interface User {
  id: number;
  name: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** 乡镇（街道） */
export interface Town {
  id: number;
  code: string;
  name: string;
}

/** 社区 — its code drives archive numbering later. */
export interface Community {
  id: number;
  townId: number;
  townName: string;
  townCode: string;
  code: string;
  name: string;
  personCount: number;
}

/** 退休人员 */
export interface Person {
  id: number;
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  communityId: number;
  communityName: string;
  townName: string;
  phone: string;
  address: string;
  enterprise: string;
  retiredOn: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** 操作日志 entry. */
export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface Settings {
  /** Minutes of inactivity before a session locks itself. */
  idleLockMinutes: number;
  /** Where the workspace folder lives (read from the launcher's config, not the DB). */
  workspaceDir: string;
}

export type AppState = 'no-workspace' | 'closed' | 'open';

export interface SessionInfo {
  userId: number;
  name: string;
  displayName: string;
  role: Role;
  locked: boolean;
  idleLockMinutes: number;
}

export interface AppStatus {
  /** no-workspace: first run; closed: workspace exists, nobody has unlocked it yet; open: unlocked. */
  state: AppState;
  workspaceDir: string;
  session: SessionInfo | null;
  mode: 'electron' | 'browser' | 'cli';
  version: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

export interface VerifyProblem {
  kind: 'snapshot' | 'journal' | 'blob' | 'audit' | 'keyslots' | 'backup';
  file: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: { snapshots: number; journalRecords: number; blobs: number; auditEntries: number };
  problems: VerifyProblem[];
}

// ── Digitization (issue 3) ──

/** 卷: one volume of a retiree's file, digitized as one strip of pages. */
export interface Volume {
  id: number;
  personId: number;
  personName: string;
  idNumber: string;
  volumeNo: number;
  scheme: import('./archiveClasses').ClassScheme;
  /** 档号 (archive number); assigned at intake, or typed by the clerk. */
  archiveNo: string | null;
  status: 'scanning' | 'accepted';
  /** Counted pages (domain.md §5): blank sides and covers excluded. */
  pageCount: number;
  /** Every image in the strip, counted or not. */
  stripCount: number;
  createdAt: string;
  acceptedAt: string | null;
}

export interface PageInfo {
  id: number;
  volumeId: number;
  /** 1-based place in the strip. */
  position: number;
  source: string;
  kind: import('./pageCounting').PageKind;
  width: number;
  height: number;
  dpi: number;
  rotation: 0 | 90 | 180 | 270;
  skewDegrees: number;
  /** Borders cropped to the content (the clerk can turn it off: page.adjust). */
  cropped: boolean;
  colour: boolean;
  printedNumber: number | null;
  sha256: string;
  /** The unprocessed original is kept until the volume is accepted. */
  hasOriginal: boolean;
  ocr: 'pending' | 'done' | 'failed' | 'skipped';
  ocrConfidence: number | null;
}

export interface ItemEntry {
  id: number;
  volumeId: number;
  startPageId: number;
  classCode: string;
  /** 序号, computed: class-item, e.g. 4-1-3. */
  serial: string;
  title: string;
  /** 材料形成时间 YYYY-MM-DD. */
  formedOn: string | null;
  /** Counted pages from the start page to the next item's start, computed. */
  pages: number;
  note: string;
}

/** How far a background job (digitization, intake check) has got; polled by the screens. */
export interface JobProgress {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  /** null while the total is unknown (watched folder, feeder). */
  total: number | null;
  failed: number;
  etaSeconds: number | null;
  errors: { source: string; message: string }[];
  message: string;
}

export interface Job extends JobProgress {
  id: string;
  kind: 'import' | 'watch' | 'scan' | 'export';
  volumeId: number;
  /** Export jobs: where the files went. */
  outputs: string[];
}

/** A generated document (PDF or .xlsx) kept encrypted in the workspace for reprinting. */
export interface DocumentInfo {
  id: number;
  kind: string;
  title: string;
  refEntity: string;
  refId: number | null;
  fileName: string;
  mime: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
}
