/**
 * Lookups and loans (查阅、借阅, domain.md §8) and transfers out (转出, §3): the values a request is
 * made of and the shapes the core returns. The Chinese values are stored and printed as they are.
 */
import type { DocumentInfo } from './types';

export const LENDING_TYPES = ['查阅', '借阅', '复制', '出具证明', '电子查阅'] as const;
export type LendingType = (typeof LENDING_TYPES)[number];

/** Shenyang art. 9 / Changsha art. 15, plus 其他 (then the text is required). */
export const LENDING_PURPOSES = [
  '房屋继承', '遗产公证', '户口迁移', '党组织关系转移', '享受政策待遇', '劳资人事证明',
  '购买住房', '子女入党', '异地定居迁入户口', '房屋过户', '其他',
] as const;
export type LendingPurpose = (typeof LENDING_PURPOSES)[number];

/** A reader's declared relation to the file's person. */
export const READER_RELATIONS = ['无亲属关系', '配偶', '父母', '子女', '祖父母、外祖父母', '孙子女、外孙子女', '兄弟姐妹', '其他亲属'] as const;
export type ReaderRelation = (typeof READER_RELATIONS)[number];
/** 直系亲属 (and the spouse): refused by the rules like the person themself. */
export const DIRECT_RELATIONS: readonly ReaderRelation[] = ['配偶', '父母', '子女', '祖父母、外祖父母', '孙子女、外孙子女'];

export const RETURN_CONDITIONS = ['完好', '破损', '缺页', '污损', '其他'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/**
 * pending: awaiting approval (awaitingLevel says which); approved: may be executed until
 * approvalExpiresOn; expired: approved but not used in time; in_use: checked out / being viewed;
 * completed: everything back (or the viewing period over); rejected; cancelled by the clerk.
 */
export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'in_use', 'completed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: '待审批',
  approved: '已批准待办理',
  rejected: '已驳回',
  expired: '审批已过期',
  in_use: '使用中',
  completed: '已完成',
  cancelled: '已撤销',
};

export interface LendingSettings {
  /** Longest loan/viewing period without a note (days). */
  loanLimitDays: number;
  /** A second supervisor must also approve (二级审批). */
  secondLevelApproval: boolean;
  /** An approval not used within this many days expires. */
  approvalExpiryDays: number;
  /** Body of the overdue reminder letter (催还通知). */
  reminderText: string;
  /** This archive's name: printed on forms and as the sender of transfers out. */
  archiveUnit: string;
}

/** A held file found for the request form. */
export interface LendableFile {
  fileId: number;
  personId: number;
  archiveNo: string;
  name: string;
  idNumber: string;
  community: string;
  volumes: number;
  pages: number;
  status: 'held' | 'on_loan' | 'digitizing' | 'transferred_out';
  /** Class codes catalogued in the item list (for narrowing a request). */
  classes: string[];
  /** Pages scanned (electronic viewing is possible only when > 0). */
  digitalPages: number;
}

export interface LendingReader {
  name: string;
  idNumber: string;
  unit: string;
  post: string;
  political: string;
  contact: string;
  relation: ReaderRelation;
}

export interface RequestFile {
  fileId: number;
  archiveNo: string;
  name: string;
  idNumber: string;
  /** Approved volume numbers (1-based); all of the file's volumes unless narrowed. */
  volumes: number[];
  /** Approved classes; empty = the whole file. */
  classes: string[];
  /** Approved items as 序号 (e.g. 4-1-3); empty = no narrowing by item. */
  items: string[];
  /** Human-readable scope printed on forms (全部 / 第1、2卷 / 类别 4、9 …). */
  scope: string;
  checkedOutAt: string | null;
  checkedOutBy: string | null;
  takenBy: string | null;
  volumesOut: number[];
  due: string | null;
  returnedAt: string | null;
  returnedBy: string | null;
  receivedBy: string | null;
  condition: string | null;
}

export interface Approval {
  level: 1 | 2;
  decision: 'approved' | 'rejected';
  opinion: string;
  by: string;
  byUserId: number;
  at: string;
}

export interface LendingRequestSummary {
  id: number;
  requestNo: string;
  type: LendingType;
  purpose: string;
  unit: string;
  readers: string;
  files: string;
  periodFrom: string;
  periodTo: string;
  status: RequestStatus;
  /** 1 or 2 while pending, else null. */
  awaitingLevel: 1 | 2 | null;
  enteredBy: string;
  enteredByUserId: number;
  enteredAt: string;
  approvalExpiresOn: string | null;
  overdue: boolean;
}

export interface RequestHistoryEntry {
  at: string;
  user: string;
  action: string;
  /** Chinese description of the step. */
  summary: string;
}

export interface LendingRequestDetail extends LendingRequestSummary {
  purposeOther: string;
  letterNo: string;
  note: string;
  levelsRequired: 1 | 2;
  readerList: LendingReader[];
  fileList: RequestFile[];
  approvals: Approval[];
  cancelReason: string;
  views: number;
  documents: DocumentInfo[];
  history: RequestHistoryEntry[];
}

export interface OverdueLoan {
  requestId: number;
  requestNo: string;
  archiveNo: string;
  name: string;
  due: string;
  daysOverdue: number;
  borrower: string;
  unit: string;
  contact: string;
}

export interface ViewPage {
  pageId: number;
  position: number;
  printedNumber: number | null;
  classCode: string | null;
}
export interface ViewVolume {
  volumeId: number;
  volumeNo: number;
  pages: ViewPage[];
}
export interface ViewFile {
  archiveNo: string;
  name: string;
  /** Approved classes; empty = whole file. */
  classes: string[];
  volumes: ViewVolume[];
}
export interface ViewSession {
  requestId: number;
  requestNo: string;
  watermark: string;
  periodFrom: string;
  periodTo: string;
  files: ViewFile[];
}

export interface TransferOut {
  id: number;
  transferNo: string;
  receiverUnit: string;
  sentOn: string;
  persons: number;
  volumes: number;
  firstNo: string;
  lastNo: string;
  names: string[];
  handledBy: string;
  note: string;
  receiptId: number;
  receiptReturnedOn: string | null;
  documentId: number | null;
}
