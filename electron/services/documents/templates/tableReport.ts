/**
 * The generic official list or report (案卷目录, 移架清单, 盘点报告, 查借阅登记簿, 催还通知 lists …):
 * title, optional subtitle, label/value fields two to a line, one bordered table whose header
 * repeats on every page, notes, and signature lines with date blanks.
 */
import { AppError } from '../../../../shared/errors';
import { Flow } from '../pdf/flow';
import { drawTable } from '../pdf/table';
import type { TableReportDoc } from '../types';

export async function tableReport(d: TableReportDoc): Promise<Uint8Array> {
  if (!d.title.trim()) throw new AppError('VALIDATION', '报表缺少标题，无法打印。请填写标题后重试。');
  if (d.columns.length === 0) throw new AppError('VALIDATION', `「${d.title}」没有任何列，无法打印表格。请至少提供一列。`);
  const flow = new Flow({
    title: d.title,
    landscape: d.landscape ?? false,
    ...(d.watermark ? { watermark: d.watermark } : {}),
    margin: { top: 16, bottom: 18, left: 15, right: 15 },
  });
  flow.heading(d.title, 17);
  if (d.subtitle) flow.paragraph(d.subtitle, { size: 11, align: 'center' });
  flow.space(3);
  if (d.fields.length) flow.fields(d.fields, { perLine: 2 });
  flow.space(2);
  const rows = d.rows.length ? d.rows : [['（无记录）']];
  drawTable(flow, d.columns, rows, { size: 9.5 });
  if (d.notes?.length) {
    flow.space(3);
    for (const n of d.notes) flow.paragraph(n, { size: 9.5 });
  }
  if (d.signatures?.length) {
    flow.space(6);
    flow.signatures(d.signatures);
  }
  return flow.finish();
}
