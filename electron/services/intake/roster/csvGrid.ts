/** Reads a CSV roster (RFC 4180 quoting; comma, tab or semicolon separated) into one grid. */
import { AppError } from '../../../../shared/errors';
import { decodeText } from './textEncoding';
import type { Grid, GridCell, RosterLimits } from './types';

const EMPTY: GridCell = { text: '', kind: 'empty' };

function pickDelimiter(text: string): string {
  const sample = text.slice(0, 8192);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const count = sample.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Splits CSV text into rows of raw strings. Quoted fields may contain the delimiter, quotes ("") and newlines. */
export function parseCsv(text: string, limits: Pick<RosterLimits, 'maxRows' | 'maxColumns'>): string[][] {
  const delimiter = pickDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    if (row.length < limits.maxColumns) row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRows) {
      throw new AppError('VALIDATION', `名册超过 ${limits.maxRows} 行，无法导入。请拆分后分别导入。`, { reason: 'TOO_MANY_ROWS' });
    }
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A CSV field as a cell. Excel's ways of forcing text (="…", a leading apostrophe) are removed; a
 * plain number — including 1.10101E+17, which is what Excel writes for a long number — is a number.
 */
export function csvCell(raw: string): GridCell {
  let text = raw.trim();
  if (text === '') return EMPTY;
  const forced = /^="(.*)"$/.exec(text);
  if (forced) return { text: forced[1] ?? '', kind: 'text' };
  if (text.startsWith("'")) {
    text = text.slice(1);
    return text === '' ? EMPTY : { text, kind: 'text' };
  }
  // A long digit string in a CSV is exact text (nothing was rounded yet); only Excel's exponent form lost digits.
  if (/^\d{16,}$/.test(text)) return { text, kind: 'text' };
  if (NUMBER.test(text)) return { text, kind: 'number', number: Number(text) };
  return { text, kind: 'text' };
}

export function readCsvGrid(buf: Buffer, sheet: string, limits: RosterLimits): { grid: Grid; encoding: string } {
  const { text, encoding } = decodeText(buf);
  if (text.includes('\u0000')) {
    throw new AppError('VALIDATION', '名册文件不是文本格式的 CSV（可能是扩展名不对的其他文件）。请在 Excel 中另存为 CSV 或 .xlsx 后再导入。', {
      reason: 'CORRUPT',
    });
  }
  const rows = parseCsv(text, limits).map((r) => r.map(csvCell));
  return { grid: { sheet, rows }, encoding };
}
