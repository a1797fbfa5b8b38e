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
