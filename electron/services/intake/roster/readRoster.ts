/**
 * readRoster(file): reads an .xlsx or .csv 档案移交名册表 into rows, with the column mapping it used
 * and whether the desk should confirm that mapping. Unusable files throw an AppError('VALIDATION')
 * whose Chinese message says what is wrong and what to do; nothing is half-read.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { readCsvGrid } from './csvGrid';
import { detectMapping, type DetectedMapping } from './headerDetect';
import { readRows } from './rosterRows';
import { readXlsxGrids, isXlsxBytes } from './xlsxGrid';
import { DEFAULT_ROSTER_LIMITS, type Grid, type RosterFooter, type RosterReadOptions, type RosterReadResult, type RosterLimits, type RosterRow } from './types';

async function readFileLimited(file: string, limits: RosterLimits): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch {
    throw new AppError('NOT_FOUND', `找不到名册文件：${file}。请检查路径是否正确。`, { reason: 'MISSING' });
  }
  if (!stat.isFile()) throw new AppError('VALIDATION', `名册路径不是普通文件：${file}。请选择 .xlsx 或 .csv 文件。`, { reason: 'NOT_FILE' });
  if (stat.size === 0) throw new AppError('VALIDATION', `名册文件是空的：${file}。请让移交单位重新提供。`, { reason: 'EMPTY' });
  if (stat.size > limits.maxFileBytes) {
    throw new AppError('VALIDATION', `名册文件过大（${Math.ceil(stat.size / 1024 / 1024)} MB，上限 ${Math.floor(limits.maxFileBytes / 1024 / 1024)} MB），已拒绝读取。请确认文件来源或拆分后导入。`, {
      reason: 'TOO_LARGE',
    });
  }
  return fs.readFile(file);
}

/** Reads the roster's sheets into grids (CSV: one grid named after the file). */
export async function readGrids(file: string, limits: RosterLimits = DEFAULT_ROSTER_LIMITS): Promise<{ grids: Grid[]; format: 'xlsx' | 'csv'; encoding: string | null }> {
  const buf = await readFileLimited(file, limits);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') {
    const { grid, encoding } = readCsvGrid(buf, path.basename(file), limits);
    return { grids: [grid], format: 'csv', encoding };
  }
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' || isXlsxBytes(buf)) {
    return { grids: await readXlsxGrids(buf, limits), format: 'xlsx', encoding: null };
  }
  throw new AppError('VALIDATION', `名册文件格式不支持（${ext || '无扩展名'}）。请提供 .xlsx 或 .csv 文件。`, { reason: 'FORMAT' });
}

export async function readRoster(file: string, options: RosterReadOptions = {}): Promise<RosterReadResult> {
  const limits = { ...DEFAULT_ROSTER_LIMITS, ...options.limits };
  const { grids, format, encoding } = await readGrids(file, limits);
  const detected: { grid: Grid; found: DetectedMapping }[] = [];
  for (const grid of grids) {
    const override = options.mapping?.sheet === grid.sheet || (options.mapping && grids.length === 1) ? options.mapping : undefined;
    if (override) {
      detected.push({ grid, found: { mapping: { ...override, sheet: grid.sheet }, ambiguities: [], candidates: {}, headerTexts: {} } });
      continue;
    }
    if (options.mapping) continue;
    const found = detectMapping(grid);
    if (found) detected.push({ grid, found });
  }
  if (detected.length === 0) {
    throw new AppError(
      'VALIDATION',
      options.mapping
        ? `名册中没有名为「${options.mapping.sheet}」的工作表。`
        : '名册中找不到表头（应有“姓名”“社会保障号码（身份证号）”“档案卷数”“页数”等列名）。请确认这是档案移交名册表，或在界面中手动指定各列。',
      { reason: 'NO_HEADER' },
    );
  }
  // Several sheets (e.g. one per town) are read in order; the first sheet's mapping is reported.
  const first = detected[0] as { grid: Grid; found: DetectedMapping };
  const rows: RosterRow[] = [];
  const title: string[] = [];
  let footer: RosterFooter = { filledBy: '', phone: '', date: '' };
  const ambiguities: string[] = [];
  for (const { grid, found } of detected) {
    const sheetRows = readRows(grid, found.mapping);
    rows.push(...sheetRows.rows);
    title.push(...sheetRows.title);
    if (sheetRows.footer && !footer.filledBy && !footer.phone && !footer.date) footer = sheetRows.footer;
    const prefix = detected.length > 1 ? `工作表「${grid.sheet}」：` : '';
    ambiguities.push(...found.ambiguities.map((a) => prefix + a));
  }
  return {
    file,
    format,
    encoding,
    mapping: first.found.mapping,
    ambiguous: ambiguities.length > 0,
    ambiguities,
    candidates: first.found.candidates,
    headerTexts: first.found.headerTexts,
    title,
    footer,
    rows,
  };
}
