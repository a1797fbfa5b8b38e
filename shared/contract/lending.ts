// CONTRACT READY
/** Contract area: lookups and loans (查借阅) — requests, approval, check-out and return, digital viewing, transfers out. */
import { z } from 'zod';
import type { DocumentInfo } from '../types';
import {
  LENDING_PURPOSES, LENDING_TYPES, READER_RELATIONS, REQUEST_STATUSES, RETURN_CONDITIONS,
  type LendableFile, type LendingRequestDetail, type LendingRequestSummary, type LendingSettings,
  type OverdueLoan, type TransferOut, type ViewSession,
} from '../lendingTypes';
import { dateStr, id, method, name, optText, paging } from './common';

const archiveNo = z.string().trim().min(1, '请填写或扫描档号').max(40, '档号不能超过 40 个字符');
const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);

const reader = z.object({
  name,
  idNumber: z.string().trim().min(1, '请填写查阅人身份证号').max(18),
  unit: text(100, '查阅人工作单位'),
  post: optText(50),
  political: optText(20),
  contact: text(50, '查阅人联系电话'),
  relation: z.enum(READER_RELATIONS),
});

const requestFile = z.object({
  archiveNo,
  /** Narrow to these volumes (第 n 卷); omitted = all volumes of the file. */
  volumes: z.array(z.number().int().min(1)).max(50).default([]),
  /** Narrow to these classes (e.g. '4', '9-2'); empty = whole file. */
  classes: z.array(z.string().trim().min(1).max(8)).max(20).default([]),
  /** Narrow to these items by 序号 (e.g. '4-1-3'). */
  items: z.array(z.string().trim().min(1).max(16)).max(100).default([]),
});

export const lendingContract = {
  // ── settings ──
  'lending.settings.get': method<LendingSettings>()(z.object({}), 'session'),
  'lending.settings.update': method<LendingSettings>()(
    z.object({
      loanLimitDays: z.number().int().min(1, '借阅期限至少 1 天').max(90, '借阅期限不能超过 90 天').optional(),
      secondLevelApproval: z.boolean().optional(),
      approvalExpiryDays: z.number().int().min(1, '审批有效期至少 1 天').max(90, '审批有效期不能超过 90 天').optional(),
      reminderText: z.string().trim().min(1, '催还通知内容不能为空').max(1000).optional(),
      archiveUnit: z.string().trim().min(1, '档案馆（室）名称不能为空').max(100).optional(),
    }),
    'lending.approve',
  ),

  // ── request form ──
  /** Holdings by name, ID number or archive number (any part). */
  'lending.findFile': method<LendableFile[]>()(
    z.object({ query: z.string().trim().min(1, '请输入姓名、身份证号或档号').max(40), limit: z.number().int().min(1).max(100).default(20) }),
    'lending.request',
  ),
  'lending.request.create': method<LendingRequestDetail>()(
    z.object({
      type: z.enum(LENDING_TYPES),
      purpose: z.enum(LENDING_PURPOSES),
      /** Required when purpose is 其他. */
      purposeOther: optText(100),
      unit: text(100, '申请单位'),
      letterNo: optText(50),
      readers: z.array(reader).min(1, '请至少填写一名查阅人').max(10, '查阅人不能超过 10 名'),
      files: z.array(requestFile).min(1, '请至少选择一份档案').max(50, '一次申请不能超过 50 份档案'),
      periodFrom: dateStr,
      periodTo: dateStr,
      /** Required when the period is longer than the loan limit. */
      note: optText(500),
    }),
    'lending.request',
  ),
  'lending.request.list': method<{ rows: LendingRequestSummary[]; total: number }>()(
    z.object({
      status: z.enum(REQUEST_STATUSES).optional(),
      /** Only requests I entered. */
      mine: z.boolean().default(false),
      /** Only requests awaiting MY approval (pending, not entered or already approved by me). */
      queue: z.boolean().default(false),
      overdue: z.boolean().default(false),
      query: z.string().trim().max(40).default(''),
      ...paging,
    }),
    'session',
  ),
  'lending.request.get': method<LendingRequestDetail>()(z.object({ id }), 'session'),
  /** Withdraw a request not yet used (pending or approved). */
  'lending.request.cancel': method<LendingRequestDetail>()(z.object({ id, reason: text(200, '撤销原因') }), 'lending.request'),

  // ── approval ──
  'lending.approve': method<LendingRequestDetail>()(z.object({ id, opinion: optText(200) }), 'lending.approve'),
  'lending.reject': method<LendingRequestDetail>()(z.object({ id, opinion: text(200, '驳回意见') }), 'lending.approve'),

  // ── execution ──
  /** Scans are archive numbers, or 档号/卷号 for single volumes (e.g. CCSRS-0102-001-0001/2). */
  'lending.checkout': method<LendingRequestDetail>()(
    z.object({
      requestId: id,
      archiveNos: z.array(archiveNo).min(1, '请扫描要出库的档案').max(100),
      due: dateStr,
      /** Who took the files; default the first reader. */
      takenBy: optText(50),
    }),
    'lending.execute',
  ),
  /** Give either requestId (everything still out) or archiveNo (that file). */
  'lending.return': method<LendingRequestDetail>()(
    z
      .object({
        requestId: id.optional(),
        archiveNo: archiveNo.optional(),
        condition: z.enum(RETURN_CONDITIONS),
        conditionNote: optText(200),
        returnedBy: text(50, '归还人'),
      })
      .refine((v) => v.requestId !== undefined || v.archiveNo !== undefined, '请指定申请单或扫描档号。'),
    'lending.execute',
  ),
  'lending.overdue': method<OverdueLoan[]>()(z.object({}), 'lending.request'),

  // ── documents ──
  /** 催还通知 for the overdue files of a request (PDF, stored). */
  'lending.reminder': method<DocumentInfo>()(z.object({ requestId: id }), 'lending.request'),
  /** 查（借）阅审批表 (PDF, stored). */
  'lending.form': method<DocumentInfo>()(z.object({ requestId: id }), 'lending.request'),
  /** 查借阅登记簿 for requests entered from..to (PDF landscape or .xlsx, stored; `to` also writes the file there). */
  'lending.register': method<{ document: DocumentInfo; file: string | null }>()(
    z.object({ from: dateStr, to: dateStr, format: z.enum(['pdf', 'xlsx']).default('pdf'), toPath: z.string().trim().min(1).max(1000).optional() }),
    'session',
  ),

  // ── digital viewing ──
  'lending.view.open': method<ViewSession>()(z.object({ requestId: id }), 'lending.execute'),
  'lending.view.page': method<{ mime: string; base64: string; width: number; height: number }>()(
    z.object({ requestId: id, pageId: id }),
    'lending.execute',
  ),
  /** Watermarked copy of approved pages with a certification footer (PDF, stored). */
  'lending.copy': method<DocumentInfo>()(
    z.object({ requestId: id, pageIds: z.array(id).min(1, '请选择要复制的页').max(500, '一次最多复制 500 页') }),
    'lending.execute',
  ),

  // ── transfers out (转出) ──
  'transfer.create': method<TransferOut>()(
    z.object({
      archiveNos: z.array(archiveNo).min(1, '请选择要转出的档案').max(1000),
      receiverUnit: text(100, '接收单位'),
      sentOn: dateStr,
      withDigitalCopies: z.boolean().default(true),
      note: optText(200),
    }),
    'lending.approve',
  ),
  'transfer.list': method<{ rows: TransferOut[]; total: number }>()(z.object({ ...paging }), 'lending.request'),
  'transfer.get': method<TransferOut>()(z.object({ id }), 'lending.request'),
} as const;
