// CONTRACT READY
/** Contract area: intake batches (接收批次), roster import, desk counts, findings and decisions, acceptance and numbering, receipts, ledger. */
import { z } from 'zod';
import type { DocumentInfo, Page } from '../types';
import type {
  AcceptResult,
  BatchFile,
  DeskCount,
  DeskRecordResult,
  IntakeBatch,
  IntakeBatchDetail,
  IntakeFinding,
  IntakeJob,
  IntakePerson,
  IntakeSettings,
  LedgerPage,
  ReceiptList,
  ReceiptInfo,
  ReturnResult,
  RosterImportResult,
  RosterPreview,
} from '../intakeTypes';
import { BATCH_STATUSES } from '../intakeTypes';
import { dateStr, id, method, optText, paging } from './common';

const ROSTER_FIELD_NAMES = ['serial', 'name', 'idNumber', 'county', 'town', 'community', 'townCommunity', 'place', 'volumes', 'pages', 'other', 'remarks'] as const;
const column = z.number().int().min(1).max(200);
/** The desk's confirmed column mapping (from intake.roster.preview, possibly edited). */
const mapping = z.object({
  sheet: z.string().max(200),
  headerRows: z.object({ first: z.number().int().min(1), last: z.number().int().min(1) }),
  columns: z.partialRecord(z.enum(ROSTER_FIELD_NAMES), column),
});
const filePath = z.string().trim().min(1, '请选择名册文件（.xlsx 或 .csv）').max(1000);
const batchFields = {
  enterprise: z.string().trim().min(1, '请填写移交单位').max(100, '移交单位不能超过 100 个字'),
  contact: optText(50),
  contactPhone: optText(40),
  deliveredBy: z.string().trim().min(1, '请填写送交人').max(50, '送交人不能超过 50 个字'),
  deliveredOn: dateStr,
  note: optText(500),
};
const jobId = z.string().min(1).max(64);
const batchFilters = {
  status: z.enum(BATCH_STATUSES).optional(),
  /** Batch number or enterprise (part of). */
  query: z.string().trim().max(100).default(''),
  enterprise: z.string().trim().max(100).default(''),
  /** deliveredOn range, inclusive. */
  from: dateStr.optional(),
  to: dateStr.optional(),
};

export const intakeContract = {
  // ── settings: numbering pattern, 接收单位名称, default thickness ──
  'intake.settings.get': method<IntakeSettings>()(z.object({}), 'intake.read'),
  'intake.settings.update': method<IntakeSettings>()(
    z.object({
      numbering: z
        .object({
          prefix: z.string().trim().regex(/^[0-9A-Za-z]{0,12}$/, '档号前缀只能由字母和数字组成（最多 12 位）').optional(),
          districtCode: z.string().trim().regex(/^[0-9A-Za-z]{0,12}$/, '区县代码只能由字母和数字组成（最多 12 位）').optional(),
          includeTownCode: z.boolean().optional(),
          includeCommunityCode: z.boolean().optional(),
          separator: z.enum(['-', '', '/', '.', '_']).optional(),
          sequenceWidth: z.number().int().min(1, '流水号至少 1 位').max(8, '流水号最多 8 位').optional(),
        })
        .optional(),
      archiveUnit: z.string().trim().min(1, '请填写接收单位名称').max(100).optional(),
      defaultThicknessMm: z.number().min(1, '每卷厚度至少 1 mm').max(500, '每卷厚度不超过 500 mm').optional(),
      skewLimitDegrees: z.number().min(0.1).max(10).optional(),
      readPageNumbers: z.boolean().optional(),
    }),
    'intake.accept',
  ),

  // ── batches ──
  'intake.batch.create': method<IntakeBatch>()(z.object(batchFields), 'intake.write'),
  /** Corrects the registration while the batch is 登记 or 核验中. */
  'intake.batch.update': method<IntakeBatch>()(z.object({ id, ...batchFields }), 'intake.write'),
  'intake.batch.list': method<Page<IntakeBatch>>()(z.object({ ...batchFilters, ...paging }), 'intake.read'),
  'intake.batch.get': method<IntakeBatchDetail>()(z.object({ id }), 'intake.read'),

  // ── roster ──
  'intake.roster.preview': method<RosterPreview>()(z.object({ batchId: id, file: filePath, mapping: mapping.optional() }), 'intake.write'),
  /** Replaces the batch's roster rows (allowed while 登记 / 核验中); roster findings are recomputed, digital ones cleared. */
  'intake.roster.import': method<RosterImportResult>()(z.object({ batchId: id, file: filePath, mapping: mapping.optional() }), 'intake.write'),
  /** The batch's persons in roster order, with desk counts, open findings and (after acceptance) archive numbers. */
  'intake.person.list': method<Page<IntakePerson>>()(
    z.object({
      batchId: id,
      query: z.string().trim().max(50).default(''),
      /** Only persons not yet counted at the desk / with open findings. */
      uncounted: z.boolean().default(false),
      withOpenFindings: z.boolean().default(false),
      ...paging,
    }),
    'intake.read',
  ),

  // ── desk count (scanner friendly: the ID number is the key) ──
  'intake.desk.record': method<DeskRecordResult>()(
    z.object({
      batchId: id,
      idNumber: z.string().trim().min(1, '请扫描或输入身份证号').max(40),
      volumes: z.number().int().min(0, '卷数不能为负数').max(99, '卷数不超过 99'),
      pages: z.number().int().min(0, '页数不能为负数').max(99999),
      thicknessMm: z.number().min(0).max(2000).nullable().default(null),
      explanation: optText(500),
    }),
    'intake.write',
  ),
  'intake.desk.list': method<(DeskCount & { name: string; idNumber: string })[]>()(z.object({ batchId: id }), 'intake.read'),
  'intake.desk.clear': method<null>()(z.object({ batchId: id, rosterRowId: id }), 'intake.write'),

  // ── digital-copy check (background job) ──
  'intake.check.start': method<{ jobId: string }>()(
    z.object({ batchId: id, packageDir: z.string().trim().min(1, '请选择数字副本文件夹').max(1000).optional() }),
    'intake.write',
  ),
  'intake.job.get': method<IntakeJob>()(z.object({ jobId }), 'intake.read'),
  'intake.job.cancel': method<IntakeJob>()(z.object({ jobId }), 'intake.write'),

  // ── findings and decisions ──
  'intake.finding.list': method<IntakeFinding[]>()(
    z.object({
      batchId: id,
      state: z.enum(['open', 'resolved', 'all']).default('all'),
      severity: z.enum(['error', 'warning']).optional(),
      source: z.enum(['roster', 'desk', 'digital']).optional(),
      rosterRowId: id.optional(),
    }),
    'intake.read',
  ),
  'intake.finding.resolve': method<IntakeFinding>()(
    z.object({ findingId: id, note: z.string().trim().min(1, '请填写处理说明（如：已收到书面说明）').max(500) }),
    'intake.write',
  ),
  'intake.finding.resolveMany': method<IntakeFinding[]>()(
    z.object({ findingIds: z.array(id).min(1, '请选择要处理的问题').max(5000), note: z.string().trim().min(1, '请填写处理说明（如：已收到书面说明）').max(500) }),
    'intake.write',
  ),
  'intake.finding.reopen': method<IntakeFinding>()(z.object({ findingId: id }), 'intake.write'),

  // ── decision ──
  'intake.batch.return': method<ReturnResult>()(
    z.object({ batchId: id, reason: z.string().trim().min(1, '请填写退回原因和需要移交单位整改的内容').max(1000) }),
    'intake.write',
  ),
  /** Open findings: refused unless the caller has intake.accept (主管/管理员) and gives an overrideNote. */
  'intake.batch.accept': method<AcceptResult>()(
    z.object({ batchId: id, overrideNote: z.string().trim().max(500).default('') }),
    'intake.write',
  ),
  /** 案卷目录 of an accepted batch (archive numbers in order). */
  'intake.batch.files': method<BatchFile[]>()(z.object({ batchId: id }), 'intake.read'),
  /** Re-runs (or resumes) the import of an accepted batch's digital copies; pages already stored are skipped by SHA-256. */
  'intake.copies.import': method<{ jobId: string }>()(
    z.object({ batchId: id, packageDir: z.string().trim().min(1).max(1000).optional() }),
    'intake.write',
  ),
  /** Generates again the documents of a returned/accepted batch that are missing (e.g. templates were unfinished). */
  'intake.documents.regenerate': method<{ documents: DocumentInfo[]; problems: string[] }>()(z.object({ batchId: id }), 'intake.write'),

  // ── receipts (回执) awaited back ──
  'receipt.list': method<ReceiptList>()(
    z.object({ open: z.boolean().optional(), overdueOnly: z.boolean().default(false), kind: z.enum(['intake', 'transfer_out']).optional(), ...paging }),
    'intake.read',
  ),
  'receipt.markReturned': method<ReceiptInfo>()(
    z.object({ id, returnedOn: dateStr, note: optText(500) }),
    'intake.write',
  ),

  // ── ledger (台账) ──
  'ledger.list': method<LedgerPage>()(z.object({ ...batchFilters, ...paging }), 'intake.read'),
  'ledger.export': method<{ file: string; rows: number }>()(
    z.object({ to: z.string().trim().min(1, '请选择台账保存位置').max(1000), filters: z.object(batchFilters).prefault({}) }),
    'intake.read',
  ),
} as const;
