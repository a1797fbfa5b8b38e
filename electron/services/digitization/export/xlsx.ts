/** 卷内目录.xlsx: the official columns plus the first/last image of each item. */
import ExcelJS from 'exceljs';
import type { Catalogue } from './catalogue';

export const XLSX_HEADERS = ['序号', '材料名称', '材料形成时间', '页数', '备注', '起始图像', '终止图像'] as const;

export async function itemListXlsx(c: Catalogue, at: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ArchiveDesk 档案工作站';
  wb.created = at;
  wb.modified = at;
  const ws = wb.addWorksheet('卷内目录');
  ws.columns = [
    { header: XLSX_HEADERS[0], key: 'serial', width: 10 },
    { header: XLSX_HEADERS[1], key: 'title', width: 40 },
    { header: XLSX_HEADERS[2], key: 'formedOn', width: 14 },
    { header: XLSX_HEADERS[3], key: 'pages', width: 8 },
    { header: XLSX_HEADERS[4], key: 'note', width: 20 },
    { header: XLSX_HEADERS[5], key: 'firstImage', width: 24 },
    { header: XLSX_HEADERS[6], key: 'lastImage', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const it of c.items) {
    ws.addRow({ serial: it.serial, title: it.title, formedOn: it.formedOn ?? '', pages: it.pages, note: it.note, firstImage: it.firstImage, lastImage: it.lastImage });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
