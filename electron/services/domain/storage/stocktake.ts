/**
 * Stocktaking (盘点): pick a unit (and rows), scan barcodes as you walk, each scan judged at once
 * against where the file should be; finish → expected vs found (missing, misplaced with where it
 * belongs, unexpected) and a printable report kept in documents.
 */
import { AppError } from '../../../../shared/errors';
import type { ScanResult, Stocktake, StocktakeReport } from '../../../../shared/storageTypes';
import * as fq from '../../db/queries/storageFind';
import * as lq from '../../db/queries/storageLayout';
import * as pq from '../../db/queries/storagePlaces';
import * as q from '../../db/queries/storageStocktake';
import { renderTableReport } from '../../documents';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { PDF_MIME, stageDocument } from '../documents';
import { writeAudited } from '../write';
import { toHit } from './locate';
import { shelfLabel } from './places';

function scopeLabel(t: q.StocktakeRow): string {
  const rows = t.from_row === null && t.to_row === null ? '全部列' : `${t.from_row ?? 1}–${t.to_row ?? '末'}列`;
  return `${t.room_name} ${t.unit_name} ${rows}`;
}

export function toStocktake(t: q.StocktakeRow): Stocktake {
  return {
    id: t.id,
    title: t.title,
    scope: { unitId: t.unit_id, fromRow: t.from_row, toRow: t.to_row },
    scopeLabel: scopeLabel(t),
    status: t.status,
    startedAt: t.started_at,
    startedBy: t.started_by,
    finishedAt: t.finished_at,
    expected: t.expected,
    scanned: t.scanned,
    reportDocumentId: t.report_document_id,
  };
}

function need(r: Reader, id: number): q.StocktakeRow {
  const t = q.stocktakeById(r, id);
  if (!t) throw new AppError('NOT_FOUND', '找不到该盘点任务，可能已被删除。请刷新后重试。');
  return t;
}

export function startStocktake(ctx: DomainContext, x: { title: string; unitId: number; fromRow: number | null; toRow: number | null }): Stocktake {
  return writeAudited(ctx, (tx) => {
    const unit = lq.listUnits(tx).find((u) => u.id === x.unitId);
    if (!unit) throw new AppError('NOT_FOUND', '找不到所选密集架，可能已被删除。请刷新后重试。');
    if ((x.fromRow ?? 1) > unit.rows || (x.toRow ?? 1) > unit.rows) throw new AppError('VALIDATION', `“${unit.name}”只有 ${unit.rows} 列，请重新选择盘点范围。`);
    const expected = fq.fileIdsOnUnit(tx, x.unitId, x.fromRow, x.toRow);
    const at = ctx.now().toISOString();
    const title = x.title || `${unit.room_name}${unit.name}盘点 ${at.slice(0, 10)}`;
    const id = q.insertStocktake(tx, { ...x, title, expected, at, by: ctx.actor.userName });
    const t = toStocktake(need(tx, id));
    return { value: t, audit: { action: 'storage.stocktake.start', entity: 'stocktake', entityId: id, after: t } };
  });
}

/** Archive numbers are letters/digits in dash-separated groups with at least one digit; anything else is not our barcode. */
const ARCHIVE_NO_SHAPE = /^(?=.*\d)[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$/;

export function recordScan(ctx: DomainContext, x: { stocktakeId: number; shelfId: number; code: string }): ScanResult {
  const code = x.code.trim();
  const t = need(ctx.store, x.stocktakeId);
  const counts = (extra: number) => ({ scanned: t.scanned + extra, expected: t.expected });
  const reject = (message: string): ScanResult => ({ outcome: 'rejected', code, message, archiveNo: null, name: null, belongsAt: null, ...counts(0) });
  if (t.status !== 'open') throw new AppError('CONFLICT', '该盘点已结束，不能再扫描。如需复查请新建盘点。');
  const shelf = q.shelfById(ctx.store, x.shelfId);
  if (!shelf || shelf.unit_id !== t.unit_id || (t.from_row !== null && shelf.row_no < t.from_row) || (t.to_row !== null && shelf.row_no > t.to_row)) {
    throw new AppError('VALIDATION', '所选架位不在本次盘点范围内，请先选择正在盘点的架位。');
  }
  if (!ARCHIVE_NO_SHAPE.test(code)) return reject(`“${code}”不是档号条码，未记录。请扫描档案脊背或盒上的档号条码。`);
  if (q.scannedBefore(ctx.store, t.id, code)) return { ...reject(`档号 ${code} 已扫描过，本次不重复记录。`), outcome: 'duplicate', archiveNo: code };
  const row = fq.byArchiveNo(ctx.store, code) ?? fq.byArchiveNo(ctx.store, code.toUpperCase());
  const hit = row ? toHit(row) : null;
  let outcome: 'found' | 'misplaced' | 'unexpected' | 'on_loan';
  let message: string;
  const belongsAt = hit?.place?.label ?? null;
  if (!hit) {
    outcome = 'unexpected';
    message = `档号 ${code} 不在本馆台账中，已记为“架上多出”。请把该档案取下交主管核查。`;
  } else if (hit.status === 'on_loan') {
    outcome = 'on_loan';
    message = `${hit.archiveNo}（${hit.name}）登记为借出，却在架上。请核对借阅记录，确认已归还后办理归还手续。`;
  } else if (hit.status === 'transferred_out') {
    outcome = 'unexpected';
    message = `${hit.archiveNo}（${hit.name}）已办理转出，不应在架上。已记为“架上多出”，请交主管核查。`;
  } else if (hit.place?.shelfId === x.shelfId) {
    outcome = 'found';
    message = `${hit.archiveNo} ${hit.name} ✓`;
  } else if (hit.place) {
    outcome = 'misplaced';
    message = `${hit.archiveNo}（${hit.name}）放错位置，应在 ${hit.place.label}。`;
  } else {
    outcome = 'unexpected';
    message = `${hit.archiveNo}（${hit.name}）尚未上架登记，已记为“架上多出”。请先生成上架方案。`;
  }
  writeAudited(ctx, (tx) => {
    q.insertScan(tx, { stocktakeId: t.id, shelfId: x.shelfId, code, fileId: hit?.fileId ?? null, outcome, at: ctx.now().toISOString() });
    return { value: null, audit: { action: 'storage.stocktake.scan', entity: 'stocktake', entityId: t.id, after: { code, outcome, shelfId: x.shelfId } } };
  });
  return { outcome, code, message, archiveNo: hit?.archiveNo ?? code, name: hit?.name ?? null, belongsAt, ...counts(1) };
}

export function stocktakeReport(r: Reader, id: number): StocktakeReport {
  const t = need(r, id);
  const expected = fq.filesOnUnit(r, t.unit_id, t.from_row, t.to_row).map(toHit);
  const scans = q.scans(r, id);
  const scannedFiles = new Set(scans.map((s) => s.file_id).filter((f) => f !== null));
  const shelfPlace = new Map(pq.shelvesInOrder(r).filter((s) => s.unit_id === t.unit_id).map((s) => [s.id, shelfLabel(s)]));
  const scannedAt = (shelfId: number) => shelfPlace.get(shelfId) ?? `架位 ${shelfId}`;
  const rows = new Map(fq.byFileIds(r, [...scannedFiles]).map((x) => [x.file_id, toHit(x)]));
  const report: StocktakeReport = { stocktake: toStocktake(t), found: 0, missing: [], misplaced: [], unexpected: [], onLoan: [] };
  for (const e of expected) {
    if (scannedFiles.has(e.fileId)) continue;
    const item = { archiveNo: e.archiveNo, name: e.name, place: e.place?.label ?? '' };
    // A file out on loan is accounted for by the loan register, not missing.
    if (e.status === 'on_loan') report.onLoan.push(item);
    else report.missing.push(item);
  }
  for (const s of scans) {
    const hit = s.file_id === null ? undefined : rows.get(s.file_id);
    if (s.outcome === 'found') report.found++;
    else if (s.outcome === 'misplaced') report.misplaced.push({ archiveNo: hit?.archiveNo ?? s.code, name: hit?.name ?? '', scannedAt: scannedAt(s.shelf_id), belongsAt: hit?.place?.label ?? '' });
    else {
      const note = s.outcome === 'on_loan' ? '登记为借出，却在架上' : !hit ? '不在台账中' : hit.status === 'transferred_out' ? '已转出' : '未上架登记';
      report.unexpected.push({ code: s.code, archiveNo: hit?.archiveNo ?? null, name: hit?.name ?? null, scannedAt: scannedAt(s.shelf_id), note });
    }
  }
  return report;
}

export async function finishStocktake(ctx: DomainContext, id: number): Promise<StocktakeReport> {
  const t = need(ctx.store, id);
  if (t.status !== 'open') throw new AppError('CONFLICT', '该盘点已结束。可在盘点记录中重新打印报告。');
  const report = stocktakeReport(ctx.store, id);
  const rows = [
    ...report.missing.map((m) => ['缺失', m.archiveNo, m.name, m.place, '']),
    ...report.misplaced.map((m) => ['错位', m.archiveNo, m.name, m.scannedAt, `应在 ${m.belongsAt}`]),
    ...report.unexpected.map((u) => ['多出', u.archiveNo ?? u.code, u.name ?? '', u.scannedAt, u.note]),
    ...report.onLoan.map((m) => ['借出', m.archiveNo, m.name, m.place, '借出未归还（按借阅登记核对）']),
  ].map((r, i) => [String(i + 1), ...r]);
  const bytes = await renderTableReport({
    title: '档案盘点报告',
    subtitle: report.stocktake.title,
    fields: [
      { label: '盘点范围', value: report.stocktake.scopeLabel },
      { label: '开始时间', value: t.started_at.slice(0, 16).replace('T', ' ') },
      { label: '应在架', value: `${t.expected} 份` },
      { label: '已核对', value: `${report.found} 份` },
      { label: '缺失', value: `${report.missing.length} 份` },
      { label: '错位', value: `${report.misplaced.length} 份` },
      { label: '多出', value: `${report.unexpected.length} 份` },
      { label: '借出', value: `${report.onLoan.length} 份` },
    ],
    columns: [
      { title: '序号', width: 1, align: 'center' },
      { title: '类别', width: 1, align: 'center' },
      { title: '档号', width: 3 },
      { title: '姓名', width: 2 },
      { title: '位置', width: 4 },
      { title: '说明', width: 4 },
    ],
    rows,
    notes: rows.length === 0 ? ['账实相符，无缺失、错位或多出。'] : ['缺失：应在架但未扫描到；错位：在别处架位扫描到；多出：不应在本范围架上。'],
    signatures: ['盘点人（签名）', '监盘人（签名）'],
    landscape: true,
  });
  const staged = stageDocument(ctx, { kind: 'storage.stocktake', title: `盘点报告 ${report.stocktake.title}`, refEntity: 'stocktake', refId: id, fileName: `盘点报告-${id}.pdf`, mime: PDF_MIME, bytes });
  try {
    return writeAudited(ctx, (tx) => {
      if (need(tx, id).status !== 'open') throw new AppError('CONFLICT', '该盘点已结束。可在盘点记录中重新打印报告。');
      const doc = staged.record(tx);
      const at = ctx.now().toISOString();
      q.finishStocktake(tx, id, at, doc.id);
      const done = { ...report, stocktake: toStocktake(need(tx, id)) };
      return {
        value: done,
        audit: { action: 'storage.stocktake.finish', entity: 'stocktake', entityId: id, after: { found: report.found, missing: report.missing.length, misplaced: report.misplaced.length, unexpected: report.unexpected.length } },
      };
    });
  } catch (e) {
    staged.discard();
    throw e;
  }
}
