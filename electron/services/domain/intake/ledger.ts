/** 台账: every intake batch with its counts, filterable; exported to .xlsx where the user chose. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/errors';
import { BATCH_STATUS_LABELS, type LedgerPage, type LedgerRow } from '../../../../shared/intakeTypes';
import * as bq from '../../db/queries/intakeBatches';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';

export const LEDGER_HEADERS = ['批次号', '送交日期', '移交单位', '送交人', '状态', '人数', '卷数', '页数', '未处理问题', '问题总数', '档号范围', '接收日期', '退回日期', '回执退回日期'] as const;

function allRows(db: Reader, f: bq.BatchFilters): LedgerRow[] {
  return bq.ledgerRows(db, { ...f, offset: 0, limit: 1_000_000 }).rows;
}

export function ledgerPage(db: Reader, f: bq.BatchFilters & { offset: number; limit: number }): LedgerPage {
  const page = bq.ledgerRows(db, f);
  const every = allRows(db, f);
  return {
    rows: page.rows,
    total: page.total,
    totals: {
      batches: every.length,
      persons: every.reduce((n, r) => n + r.persons, 0),
      volumes: every.reduce((n, r) => n + r.volumes, 0),
      pages: every.reduce((n, r) => n + r.pages, 0),
    },
  };
}

function range(r: LedgerRow): string {
  if (!r.firstNo) return '';
  return r.firstNo === r.lastNo ? r.firstNo : `${r.firstNo} 至 ${r.lastNo ?? ''}`;
}

export async function ledgerXlsx(rows: readonly LedgerRow[], at: Date, filterText: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ArchiveDesk 档案工作站';
  wb.created = at;
  wb.modified = at;
  const ws = wb.addWorksheet('接收台账');
  const widths = [14, 12, 28, 10, 8, 8, 8, 10, 10, 10, 40, 12, 12, 12];
  ws.columns = LEDGER_HEADERS.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.batchNo, r.deliveredOn, r.enterprise, r.deliveredBy, BATCH_STATUS_LABELS[r.status], r.persons, r.volumes, r.pages,
      r.findingsOpen, r.findingsTotal, range(r), r.acceptedOn ?? '', r.returnedOn ?? '', r.receiptReturnedOn ?? '',
    ]);
  }
  ws.addRow([]);
  ws.addRow([`合计 ${rows.length} 批`, '', '', '', '', rows.reduce((n, r) => n + r.persons, 0), rows.reduce((n, r) => n + r.volumes, 0), rows.reduce((n, r) => n + r.pages, 0)]);
  if (filterText) ws.addRow([`筛选条件：${filterText}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function describeFilters(f: bq.BatchFilters): string {
  return [
    f.status ? `状态 ${BATCH_STATUS_LABELS[f.status]}` : '',
    f.enterprise ? `移交单位含“${f.enterprise}”` : '',
    f.query ? `关键字“${f.query}”` : '',
    f.from || f.to ? `送交日期 ${f.from ?? '…'} 至 ${f.to ?? '…'}` : '',
  ]
    .filter(Boolean)
    .join('，');
}

/** Writes the ledger where the user chose (the only plaintext write of this area, on purpose). */
export async function exportLedger(ctx: DomainContext, to: string, f: bq.BatchFilters): Promise<{ file: string; rows: number }> {
  const rows = allRows(ctx.store, f);
  const bytes = await ledgerXlsx(rows, ctx.now(), describeFilters(f));
  const target = fs.existsSync(to) && fs.statSync(to).isDirectory() ? path.join(to, `接收台账-${ctx.now().toISOString().slice(0, 10)}.xlsx`) : to;
  if (!target.toLowerCase().endsWith('.xlsx')) throw new AppError('VALIDATION', '台账文件名应以 .xlsx 结尾，请重新选择保存位置。', { field: 'to' });
  if (fs.existsSync(target)) throw new AppError('CONFLICT', `文件 ${target} 已存在。请换一个文件名或位置。`, { field: 'to' });
  if (!fs.existsSync(path.dirname(target))) throw new AppError('VALIDATION', `文件夹 ${path.dirname(target)} 不存在，请重新选择保存位置。`, { field: 'to' });
  const tmp = `${target}.part`;
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('IO', `无法写入 ${target}：${err instanceof Error ? err.message : String(err)}。请检查磁盘空间和权限。`);
  }
  writeAudited(ctx, () => ({ value: null, audit: { action: 'ledger.export', entity: 'ledger', entityId: 'intake', after: { file: target, rows: rows.length, filters: describeFilters(f) } } }));
  return { file: target, rows: rows.length };
}
