/**
 * Reads an .xlsx roster into grids, refusing hostile files with a Chinese message: password-protected
 * or old .xls files (an OLE compound file, not a ZIP), damaged ZIPs, and zip bombs (zipGuard).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/errors';
import { gridCell } from './xlsxCell';
import { guardZip } from './zipGuard';
import type { Grid, GridCell, RosterLimits } from './types';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Stream names inside an encrypted Office file (UTF-16LE in the compound file's directory).
const ENCRYPTED_MARK = Buffer.from('EncryptedPackage', 'utf16le');

function refuseCompoundFile(buf: Buffer): never {
  if (buf.includes(ENCRYPTED_MARK)) {
    throw new AppError('VALIDATION', '名册文件设有打开密码，无法读取。请让移交单位在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后重新提供。', {
      reason: 'ENCRYPTED',
    });
  }
  throw new AppError('VALIDATION', '这是旧版 Excel（.xls）文件，无法直接读取。请在 Excel 中“另存为” .xlsx 格式后再导入。', { reason: 'XLS' });
}

export function isXlsxBytes(buf: Buffer): boolean {
  return buf.subarray(0, 4).equals(ZIP_MAGIC);
}

export async function readXlsxGrids(buf: Buffer, limits: RosterLimits): Promise<Grid[]> {
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) refuseCompoundFile(buf);
  if (!isXlsxBytes(buf)) {
    throw new AppError('VALIDATION', '名册文件不是有效的 .xlsx 文件（可能已损坏或扩展名不对）。请在 Excel 中打开并另存为 .xlsx 后再导入。', {
      reason: 'CORRUPT',
    });
  }
  guardZip(buf, limits.maxUnzippedBytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('VALIDATION', '名册文件已损坏或格式不符合 Excel 标准，无法读取。请在 Excel 中打开后重新另存为 .xlsx 再导入。', {
      reason: 'CORRUPT',
    });
  }
  const grids: Grid[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible') continue;
    const rows: GridCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber > limits.maxRows) {
        throw new AppError('VALIDATION', `工作表「${ws.name}」超过 ${limits.maxRows} 行，无法作为名册导入。请拆分后分别导入。`, { reason: 'TOO_MANY_ROWS' });
      }
      const cells: GridCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col <= limits.maxColumns) cells[col - 1] = gridCell(cell);
      });
      rows[rowNumber - 1] = cells;
    });
    grids.push({ sheet: ws.name, rows: densify(rows) });
  }
  return grids;
}

const EMPTY: GridCell = { text: '', kind: 'empty' };

/** Sparse arrays from eachRow/eachCell → dense rows so callers can index without holes. */
function densify(rows: GridCell[][]): GridCell[][] {
  const out: GridCell[][] = new Array<GridCell[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r];
    if (!src) {
      out[r] = [];
      continue;
    }
    const dense = new Array<GridCell>(src.length);
    for (let c = 0; c < src.length; c++) dense[c] = src[c] ?? EMPTY;
    out[r] = dense;
  }
  return out;
}
