/**
 * 查借阅登记簿 for a period (domain.md §8): one row per request with date, unit, reason, what was
 * looked up, readers, files, approval opinions with dates, the clerk, return time and who returned it.
 * PDF (landscape, for the binder) or .xlsx; stored as a document, and written where the user chose.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/errors';
import type { LendingRequestDetail } from '../../../../shared/lendingTypes';
import type { DocumentInfo } from '../../../../shared/types';
import * as q from '../../db/queries/lending';
import { renderTableReport } from '../../documents';
import type { DomainContext } from '../context';
import { exportDocument, PDF_MIME, saveDocument, XLSX_MIME } from '../documents';
import { addDays, dayStartIso, localDay, localTime } from './dates';
import { requestDetail } from './read';
import { lendingSettings } from './settings';

/** Widths in millimetres of the landscape page's 267 mm: dates, numbers and 档号 fit on one line. */
export const REGISTER_COLUMNS = [
  { title: '登记日期', width: 22, key: 'date' },
  { title: '申请单号', width: 24, key: 'no' },
  { title: '申请单位及函号', width: 22, key: 'unit' },
  { title: '事由', width: 16, key: 'reason' },
  { title: '查借阅内容', width: 18, key: 'what' },
  { title: '查阅人（单位、职务、政治面貌、电话）', width: 30, key: 'readers' },
  { title: '档案（姓名、档号、身份证号）', width: 38, key: 'files' },
  { title: '审批意见及日期', width: 26, key: 'approvals' },
  { title: '经办人', width: 13, key: 'clerk' },
  { title: '出库时间', width: 22, key: 'out' },
  { title: '归还时间', width: 22, key: 'back' },
  { title: '归还人', width: 14, key: 'returnedBy' },
] as const;

const STATUS_NOTE: Record<string, string> = { rejected: '（已驳回）', cancelled: '（已撤销）', expired: '（审批过期）', pending: '（待审批）' };

/** `timeSep` puts the time under the date in the PDF's narrow columns; the spreadsheet keeps one line. */
export function registerRow(r: LendingRequestDetail, timeSep = ' '): string[] {
  const t = (iso: string) => localTime(iso).replace(' ', timeSep);
  const out = r.fileList.filter((f) => f.checkedOutAt !== null);
  const back = out.filter((f) => f.returnedAt !== null);
  return [
    t(r.enteredAt),
    r.requestNo,
    r.letterNo ? `${r.unit}\n${r.letterNo}` : r.unit,
    r.purpose,
    `${r.type}${STATUS_NOTE[r.status] ?? ''}\n${r.fileList.map((f) => f.scope).join('；')}`,
    r.readerList.map((x) => [x.name, x.unit, x.post, x.political, x.contact].filter(Boolean).join('，')).join('\n'),
    r.fileList.map((f) => `${f.name}\n${f.archiveNo}\n${f.idNumber}`).join('\n'),
    r.approvals.map((a) => `${a.decision === 'approved' ? '同意' : '不同意'}${a.opinion && a.opinion !== '同意' ? `：${a.opinion}` : ''}（${a.by} ${localTime(a.at)}）`).join('\n'),
    [...new Set([r.enteredBy, ...out.map((f) => f.checkedOutBy ?? '')])].filter(Boolean).join('、'),
    [...new Set(out.map((f) => t(f.checkedOutAt ?? '')))].join('\n'),
    [...new Set(back.map((f) => t(f.returnedAt ?? '')))].join('\n'),
    [...new Set(back.map((f) => f.returnedBy ?? ''))].join('、'),
  ];
}

async function registerXlsx(title: string, rows: string[][], at: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ArchiveDesk 档案工作站';
  wb.created = at;
  wb.modified = at;
  const ws = wb.addWorksheet('查借阅登记簿');
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow(REGISTER_COLUMNS.map((c) => c.title)).font = { bold: true };
  ws.columns = REGISTER_COLUMNS.map((c) => ({ key: c.key, width: Math.round(c.width * 0.8) }));
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function makeRegister(
  ctx: DomainContext,
  p: { from: string; to: string; format: 'pdf' | 'xlsx'; toPath?: string | undefined },
): Promise<{ document: DocumentInfo; file: string | null }> {
  if (p.to < p.from) throw new AppError('VALIDATION', `结束日期 ${p.to} 早于开始日期 ${p.from}，请改正。`, { field: 'to' });
  const now = ctx.now();
  const today = localDay(now);
  const requests = q.requestsEnteredBetween(ctx.store, dayStartIso(p.from), dayStartIso(addDays(p.to, 1))).map((r) => requestDetail(ctx.store, r.id, today));
  const rows = requests.map((r) => registerRow(r, p.format === 'pdf' ? '\n' : ' '));
  const title = `查借阅登记簿（${p.from} 至 ${p.to}）`;
  const unit = lendingSettings(ctx.store).archiveUnit;
  const bytes =
    p.format === 'pdf'
      ? await renderTableReport({
          title: '查借阅登记簿',
          subtitle: `${p.from} 至 ${p.to}`,
          fields: [
            { label: '单位', value: unit },
            { label: '共计', value: `${rows.length} 件` },
            { label: '制表日期', value: today },
          ],
          columns: REGISTER_COLUMNS.map((c) => ({ title: c.title, width: c.width })),
          rows,
          signatures: ['制表人（签名）', '审核人（签名）'],
          landscape: true,
        })
      : await registerXlsx(title, rows, now);
  const document = saveDocument(ctx, {
    kind: 'lending_register',
    title,
    refEntity: 'lending_register',
    refId: null,
    fileName: `查借阅登记簿-${p.from}至${p.to}.${p.format}`,
    mime: p.format === 'pdf' ? PDF_MIME : XLSX_MIME,
    bytes,
  });
  const file = p.toPath ? exportDocument(ctx, document.id, p.toPath).file : null;
  return { document, file };
}
