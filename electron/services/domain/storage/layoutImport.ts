/**
 * Layout import from .xlsx, one row per shelf: 库房 | 密集架 | 列 | 节 | 层 | 面 | 宽度(mm) | 容量(卷).
 * Preview lists what would be created and every problem by spreadsheet row; import writes it all in
 * one transaction, only for the same file (token) and only when there are no problems.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/errors';
import type { LayoutImportPreview, LayoutImportProblem } from '../../../../shared/storageTypes';
import * as q from '../../db/queries/storageLayout';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { checkShelfSize } from './layout';

const MAX_BYTES = 20 * 1024 * 1024;
const COLUMNS = {
  room: ['库房', '房间', '库房名称'],
  unit: ['密集架', '架', '密集架名称'],
  row: ['列'],
  section: ['节'],
  level: ['层'],
  side: ['面'],
  width: ['宽度(mm)', '宽度（mm）', '可用宽度(mm)', '可用宽度（mm）', '宽度'],
  volumes: ['容量(卷)', '容量（卷）', '容量'],
} as const;
type Col = keyof typeof COLUMNS;

/** One line of the layout file: where the shelf goes, and the shelf itself. */
interface LayoutRow extends q.NewShelf {
  line: number;
  room: string;
  unit: string;
}

export function layoutBytes(input: { file?: string | undefined; base64?: string | undefined }): Buffer {
  if (input.base64 !== undefined) return Buffer.from(input.base64, 'base64');
  const file = input.file ?? '';
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new AppError('NOT_FOUND', `找不到布局文件：${file}。请检查路径，选择一个 .xlsx 文件后重试。`);
  }
  if (size > MAX_BYTES) throw new AppError('VALIDATION', '布局文件超过 20 MB，不像是架位布局表。请检查所选文件。');
  return fs.readFileSync(file);
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return text(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v as string | number | boolean).trim();
}

async function readRows(bytes: Buffer): Promise<{ rows: LayoutRow[]; problems: LayoutImportProblem[] }> {
  if (bytes.length > MAX_BYTES) throw new AppError('VALIDATION', '布局文件超过 20 MB，不像是架位布局表。请检查所选文件。');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '无法读取布局文件。请确认它是 .xlsx 格式（可在 Excel 中另存为 .xlsx 后重试）。');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', '布局文件里没有工作表。');
  const header = ws.getRow(1);
  const at: Partial<Record<Col, number>> = {};
  header.eachCell((cell, c) => {
    const h = text(cell.value).replace(/\s/g, '');
    for (const [key, names] of Object.entries(COLUMNS) as [Col, readonly string[]][]) if (names.includes(h) && at[key] === undefined) at[key] = c;
  });
  const missing = (['room', 'unit', 'row', 'section', 'level', 'side'] as Col[]).filter((k) => at[k] === undefined).map((k): string => COLUMNS[k][0]);
  if (at.width === undefined && at.volumes === undefined) missing.push('宽度(mm) 或 容量(卷)');
  if (missing.length > 0) return { rows: [], problems: [{ row: 1, message: `第 1 行缺少列：${missing.join('、')}。表头应为：库房、密集架、列、节、层、面、宽度(mm)、容量(卷)。` }] };

  const rows: LayoutRow[] = [];
  const problems: LayoutImportProblem[] = [];
  ws.eachRow((r, line) => {
    if (line === 1) return;
    const get = (k: Col) => (at[k] === undefined ? '' : text(r.getCell(at[k]).value));
    if ((Object.keys(COLUMNS) as Col[]).every((k) => get(k) === '')) return;
    const bad = (message: string) => problems.push({ row: line, message });
    const int = (k: Col, label: string): number => {
      const n = Number(get(k));
      if (!Number.isInteger(n) || n < 1 || n > 999) {
        bad(`${label}应为 1–999 的整数，现在是“${get(k)}”。`);
        return 0;
      }
      return n;
    };
    const room = get('room');
    const unit = get('unit');
    if (!room) bad('库房名称为空。');
    if (!unit) bad('密集架名称为空。');
    const row = int('row', '列');
    const section = int('section', '节');
    const level = int('level', '层');
    const sideText = get('side').replace(/面$/, '').toUpperCase();
    if (sideText !== 'A' && sideText !== 'B') bad(`面应为 A 或 B，现在是“${get('side')}”。`);
    const w = get('width');
    const v = get('volumes');
    const widthMm = w === '' ? null : Number(w);
    const capacityVolumes = v === '' ? null : Number(v);
    if ((widthMm === null) === (capacityVolumes === null)) bad('宽度(mm) 和 容量(卷) 请填写其中一项（只填一项）。');
    else if (widthMm !== null && !(widthMm > 0 && widthMm <= 5000)) bad(`宽度应为 1–5000 mm，现在是“${w}”。`);
    else if (capacityVolumes !== null && !(Number.isInteger(capacityVolumes) && capacityVolumes >= 1 && capacityVolumes <= 1000)) bad(`容量应为 1–1000 的整数卷数，现在是“${v}”。`);
    rows.push({ line, room, unit, row, section, level, side: sideText === 'B' ? 'B' : 'A', widthMm, capacityVolumes });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 0, message: '布局文件里没有架位行。每个架位一行：库房、密集架、列、节、层、面、宽度(mm) 或 容量(卷)。' });
  return { rows, problems };
}

interface Analysis {
  preview: LayoutImportPreview;
  byUnit: Map<string, { room: string; unit: string; shelves: LayoutRow[] }>;
}

function analyse(r: Reader, token: string, rows: LayoutRow[], problems: LayoutImportProblem[]): Analysis {
  const seen = new Map<string, number>();
  const byUnit = new Map<string, { room: string; unit: string; shelves: LayoutRow[] }>();
  const existing = new Map<string, Set<string>>();
  const newRooms = new Set<string>();
  for (const x of rows) {
    if (!x.room || !x.unit) continue;
    const pos = `${x.row}-${x.section}-${x.level}-${x.side}`;
    const where = `${x.room} ${x.unit} ${x.row}列${x.section}节${x.level}层${x.side}面`;
    const key = `${x.room}\u0000${x.unit}\u0000${pos}`;
    const dup = seen.get(key);
    if (dup !== undefined) problems.push({ row: x.line, message: `位置重复：${where} 在第 ${dup} 行已经出现。请删去重复的一行。` });
    seen.set(key, x.line);
    const room = q.roomByName(r, x.room);
    if (!room) newRooms.add(x.room);
    else {
      const kind = q.listRooms(r).find((m) => m.id === room.id)?.kind;
      if (kind !== 'storage') problems.push({ row: x.line, message: `“${x.room}”不是库房，不能放密集架。` });
      const unit = q.unitByName(r, room.id, x.unit);
      if (unit) {
        const have = existing.get(`${room.id}-${unit.id}`) ?? q.existingPositions(r, unit.id);
        existing.set(`${room.id}-${unit.id}`, have);
        if (have.has(pos)) problems.push({ row: x.line, message: `与已有架位重叠：${where} 已经存在。请删去这一行，或改为新的位置。` });
      }
    }
    const small = checkShelfSize(r, x.widthMm, x.capacityVolumes);
    if (small) problems.push({ row: x.line, message: small });
    const uk = `${x.room}\u0000${x.unit}`;
    const group = byUnit.get(uk) ?? { room: x.room, unit: x.unit, shelves: [] };
    group.shelves.push(x);
    byUnit.set(uk, group);
  }
  problems.sort((a, b) => a.row - b.row);
  const units = [...byUnit.values()].map((g) => {
    const room = q.roomByName(r, g.room);
    return { room: g.room, name: g.unit, shelves: g.shelves.length, isNew: !room || !q.unitByName(r, room.id, g.unit) };
  });
  return { preview: { token, newRooms: [...newRooms], units, shelves: rows.length, problems }, byUnit };
}

export async function previewLayout(ctx: DomainContext, input: { file?: string | undefined; base64?: string | undefined }): Promise<LayoutImportPreview> {
  const bytes = layoutBytes(input);
  const { rows, problems } = await readRows(bytes);
  return analyse(ctx.store, createHash('sha256').update(bytes).digest('hex'), rows, problems).preview;
}

export async function importLayout(ctx: DomainContext, input: { file?: string | undefined; base64?: string | undefined; token: string }): Promise<LayoutImportPreview> {
  const bytes = layoutBytes(input);
  const token = createHash('sha256').update(bytes).digest('hex');
  if (token !== input.token) throw new AppError('CONFLICT', '布局文件在预览之后被改动过，请重新预览后再导入。');
  const { rows, problems } = await readRows(bytes);
  return writeAudited(ctx, (tx) => {
    const { preview, byUnit } = analyse(tx, token, rows, problems);
    if (preview.problems.length > 0) {
      const first = preview.problems.slice(0, 3).map((p) => (p.row > 0 ? `第 ${p.row} 行：${p.message}` : p.message));
      throw new AppError('VALIDATION', `布局文件有 ${preview.problems.length} 处问题，未导入任何架位。${first.join(' ')}`, { problems: preview.problems });
    }
    for (const g of byUnit.values()) {
      const roomId = q.roomByName(tx, g.room)?.id ?? q.insertRoom(tx, { name: g.room, kind: 'storage', areaM2: 0, note: '由布局导入' });
      const unitId = q.unitByName(tx, roomId, g.unit)?.id ?? q.insertUnit(tx, roomId, g.unit);
      q.insertShelves(tx, unitId, g.shelves);
    }
    return { value: preview, audit: { action: 'storage.layout.import', entity: 'storage_layout', entityId: token.slice(0, 16), after: { rooms: preview.newRooms, units: preview.units, shelves: preview.shelves } } };
  });
}
