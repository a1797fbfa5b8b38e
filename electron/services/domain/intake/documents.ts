/**
 * The batch's documents: 质量检验报告 / 退回通知 (renderInspection), 转递回执确认表
 * (renderTransferReceipt) and the 案卷目录 .xlsx. Every document of the intake area is produced by
 * renderBatchDocuments, so the callers (return, accept, regenerate) share one path to the
 * templates. Rendering is async and happens before the caller's transaction; the bytes are then
 * staged and recorded inside it.
 */
import ExcelJS from 'exceljs';
import type { BatchFile, IntakeBatch, IntakeFinding } from '../../../../shared/intakeTypes';
import { renderInspection, renderTransferReceipt, type InspectionDoc, type TransferReceiptDoc } from '../../documents';
import type { DomainContext } from '../context';
import { PDF_MIME, XLSX_MIME, stageDocument, type NewDocument } from '../documents';

export const DOC_KINDS = {
  pass: 'intake.inspection.pass',
  return: 'intake.inspection.return',
  receipt: 'intake.receipt',
  fileList: 'intake.filelist',
} as const;
export type BatchDocKind = keyof typeof DOC_KINDS;

export const FILE_LIST_HEADERS = ['档号', '姓名', '性别', '身份证号', '社区', '卷数', '页数', '接收日期', '备注'] as const;

export type BatchDocSpec =
  | { kind: 'pass' | 'return'; doc: InspectionDoc }
  | { kind: 'receipt'; doc: TransferReceiptDoc }
  | { kind: 'fileList'; batch: IntakeBatch; files: BatchFile[] };

const TITLES: Record<BatchDocKind, string> = {
  pass: '质量检验合格报告',
  return: '退回通知',
  receipt: '转递回执确认表',
  fileList: '案卷目录',
};

async function fileListXlsx(batch: IntakeBatch, files: readonly BatchFile[], at: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ArchiveDesk 档案工作站';
  wb.created = at;
  wb.modified = at;
  const ws = wb.addWorksheet('案卷目录');
  const widths = [24, 10, 6, 22, 18, 6, 8, 12, 24];
  ws.columns = FILE_LIST_HEADERS.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  ws.getRow(1).font = { bold: true };
  for (const f of files) {
    ws.addRow([f.archiveNo, f.name, f.sex === 'M' ? '男' : '女', f.idNumber, `${f.town} ${f.community}`, f.volumes, f.pages, f.receivedOn, f.remarks]);
  }
  // The ID column as text so Excel never turns it into a 15-digit number.
  ws.getColumn(4).numFmt = '@';
  ws.addRow([]);
  ws.addRow([`批次 ${batch.batchNo}  移交单位：${batch.enterprise}  共 ${files.length} 人 ${files.reduce((n, f) => n + f.volumes, 0)} 卷`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function render(spec: BatchDocSpec, at: Date): Promise<Uint8Array> {
  switch (spec.kind) {
    case 'pass':
    case 'return':
      return renderInspection(spec.doc);
    case 'receipt':
      return renderTransferReceipt(spec.doc);
    case 'fileList':
      return fileListXlsx(spec.batch, spec.files, at);
  }
}

export interface StagedBatchDocs {
  staged: { kind: BatchDocKind; stage: ReturnType<typeof stageDocument> }[];
  problems: string[];
}

/** Renders each document; one that fails becomes a problem (Chinese) instead of stopping the others. */
export async function renderBatchDocuments(ctx: DomainContext, batch: IntakeBatch, specs: readonly BatchDocSpec[]): Promise<StagedBatchDocs> {
  const out: StagedBatchDocs = { staged: [], problems: [] };
  for (const spec of specs) {
    let bytes: Uint8Array;
    try {
      bytes = await render(spec, ctx.now());
    } catch (err) {
      out.problems.push(`${TITLES[spec.kind]}生成失败：${err instanceof Error ? err.message : String(err)}。批次数据已保存，可稍后用“重新生成文书”补打。`);
      continue;
    }
    const xlsx = spec.kind === 'fileList';
    const doc: NewDocument = {
      kind: DOC_KINDS[spec.kind],
      title: `${TITLES[spec.kind]}（${batch.batchNo} ${batch.enterprise}）`,
      refEntity: 'intake_batch',
      refId: batch.id,
      fileName: `${TITLES[spec.kind]}-${batch.batchNo}.${xlsx ? 'xlsx' : 'pdf'}`,
      mime: xlsx ? XLSX_MIME : PDF_MIME,
      bytes,
    };
    out.staged.push({ kind: spec.kind, stage: stageDocument(ctx, doc) });
  }
  return out;
}

export function discardAll(docs: StagedBatchDocs): void {
  for (const s of docs.staged) s.stage.discard();
}

export function findingLines(findings: readonly IntakeFinding[]): InspectionDoc['findings'] {
  return findings.map((f) => ({
    person: f.name ?? '',
    idNumber: f.idNumber ?? '',
    code: f.code,
    severity: f.severity,
    message: f.message,
    resolution: f.resolution,
  }));
}
