/**
 * Printed documents: PDF (A4, CJK font subset embedded) in the official layouts. Pure functions of
 * their data — storing a document in the workspace is domain/documents.ts's job.
 * Interim: the templates are being written; until then each entry refuses with a clear error.
 */
import { AppError } from '../../../shared/errors';
import type { ImagePagesDoc, InspectionDoc, LabelSheetDoc, LendingFormDoc, ShelfEndLabel, TableReportDoc, TransferReceiptDoc } from './types';

export type * from './types';

function notYet(what: string): never {
  throw new AppError('INTERNAL', `${what}的打印模板尚未完成。`);
}

export async function renderTransferReceipt(d: TransferReceiptDoc): Promise<Uint8Array> {
  return notYet(`转递回执确认表（${d.reference}）`);
}
export async function renderInspection(d: InspectionDoc): Promise<Uint8Array> {
  return notYet(d.kind === 'pass' ? '质量检验报告' : '退回通知');
}
export async function renderLabelSheet(d: LabelSheetDoc): Promise<Uint8Array> {
  return notYet(`标签（${d.labels.length} 张）`);
}
export async function renderShelfEndLabels(d: ShelfEndLabel[]): Promise<Uint8Array> {
  return notYet(`架头标签（${d.length} 张）`);
}
export async function renderTableReport(d: TableReportDoc): Promise<Uint8Array> {
  return notYet(d.title);
}
export async function renderLendingForm(d: LendingFormDoc): Promise<Uint8Array> {
  return notYet(`查（借）阅审批表（${d.requestNo}）`);
}
export async function renderImagePages(d: ImagePagesDoc): Promise<Uint8Array> {
  return notYet(`复制件（${d.pages.length} 页）`);
}
