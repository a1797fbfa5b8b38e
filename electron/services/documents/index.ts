/**
 * Printed documents: PDF (A4, CJK font subset embedded) in the official layouts. Pure functions of
 * their data — storing a document in the workspace is domain/documents.ts's job.
 * One template per form under templates/; layout primitives (A4 pages, wrapped CJK text, tables,
 * form grids, signature blanks, watermark, barcodes) under pdf/ and barcode/.
 */
import { imagePages } from './templates/imagePages';
import { inspection } from './templates/inspection';
import { labelSheet } from './templates/labelSheet';
import { lendingForm } from './templates/lendingForm';
import { shelfEndLabels } from './templates/shelfEndLabels';
import { tableReport } from './templates/tableReport';
import { transferReceipt } from './templates/transferReceipt';
import type { ImagePagesDoc, InspectionDoc, LabelSheetDoc, LendingFormDoc, ShelfEndLabel, TableReportDoc, TransferReceiptDoc } from './types';

export type * from './types';

export async function renderTransferReceipt(d: TransferReceiptDoc): Promise<Uint8Array> {
  return transferReceipt(d);
}
export async function renderInspection(d: InspectionDoc): Promise<Uint8Array> {
  return inspection(d);
}
export async function renderLabelSheet(d: LabelSheetDoc): Promise<Uint8Array> {
  return labelSheet(d);
}
export async function renderShelfEndLabels(d: ShelfEndLabel[]): Promise<Uint8Array> {
  return shelfEndLabels(d);
}
export async function renderTableReport(d: TableReportDoc): Promise<Uint8Array> {
  return tableReport(d);
}
export async function renderLendingForm(d: LendingFormDoc): Promise<Uint8Array> {
  return lendingForm(d);
}
export async function renderImagePages(d: ImagePagesDoc): Promise<Uint8Array> {
  return imagePages(d);
}
