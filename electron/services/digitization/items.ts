/**
 * The item list (卷内目录) of a volume: each item starts at a page of the strip; its 序号 and page
 * count are computed from the strip by shared/pageCounting.ts, never typed.
 */
import { CLASSES, isClassCode, SCHEME_LABELS } from '../../../shared/archiveClasses';
import { AppError } from '../../../shared/errors';
import { itemPageCounts, itemSerials, type ItemStart, type StripPage } from '../../../shared/pageCounting';
import type { ItemEntry } from '../../../shared/types';
import * as iq from '../db/queries/items';
import * as gq from '../db/queries/pages';
import type { DomainContext } from '../domain/context';
import { writeAudited } from '../domain/write';
import type { Reader, Tx } from '../store/api';
import { requireEditable } from './volumes';

function computed(db: Reader, volumeId: number) {
  const pages: StripPage[] = gq.livePages(db, volumeId).map((p) => ({ id: p.id, kind: p.kind, printedNumber: p.printedNumber }));
  const rows = iq.itemsOfVolume(db, volumeId);
  const starts: ItemStart[] = rows.map((r) => ({ itemKey: r.id, startPageId: r.startPageId ?? 0, classCode: r.classCode }));
  const position = new Map(pages.map((p, i) => [p.id, i]));
  return { pages, rows, counts: itemPageCounts(pages, starts).perItem, serials: itemSerials(pages, starts), position };
}

/** Items in strip order, with 序号 and 页数 as the strip stands now. */
export function listItems(db: Reader, volumeId: number): ItemEntry[] {
  const { rows, counts, serials, position } = computed(db, volumeId);
  return rows
    .map((r) => ({
      id: r.id,
      volumeId: r.volumeId,
      startPageId: r.startPageId ?? 0,
      classCode: r.classCode,
      serial: serials.get(r.id) ?? `${r.classCode}-?`,
      title: r.title,
      formedOn: r.formedOn,
      pages: counts.get(r.id) ?? 0,
      note: r.note,
    }))
    .sort((a, b) => (position.get(a.startPageId) ?? Infinity) - (position.get(b.startPageId) ?? Infinity) || a.id - b.id);
}

/** Keeps the stored item_no / pages columns equal to the computed values; run in every strip-changing transaction. */
export function refreshItems(tx: Tx, volumeId: number): void {
  const { rows, counts, serials } = computed(tx, volumeId);
  for (const r of rows) {
    const serial = serials.get(r.id) ?? '';
    const itemNo = Number(serial.slice(serial.lastIndexOf('-') + 1)) || 0;
    iq.setComputed(tx, r.id, itemNo, counts.get(r.id) ?? 0);
  }
}

function realDate(s: string | null, today: Date): void {
  if (s === null) return;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1900) {
    throw new AppError('VALIDATION', `材料形成时间 ${s} 不是有效日期，请按“年-月-日”填写完整日期。`, { field: 'formedOn' });
  }
  if (s > today.toISOString().slice(0, 10)) {
    throw new AppError('VALIDATION', `材料形成时间 ${s} 晚于今天，请核对。`, { field: 'formedOn' });
  }
}

export interface ItemInput {
  volumeId: number;
  id?: number | undefined;
  startPageId: number;
  classCode: string;
  title: string;
  formedOn: string | null;
  note: string;
}

export function saveItem(ctx: DomainContext, input: ItemInput): ItemEntry {
  const volume = requireEditable(ctx.store, input.volumeId);
  if (!isClassCode(volume.scheme, input.classCode)) {
    const codes = CLASSES[volume.scheme].map((c) => c.code).join('、');
    throw new AppError('VALIDATION', `类别 ${input.classCode} 不属于${SCHEME_LABELS[volume.scheme]}。可选类别：${codes}。`, { field: 'classCode' });
  }
  const start = gq.pageById(ctx.store, input.startPageId);
  if (!start || start.volumeId !== volume.id || start.deleted) {
    throw new AppError('VALIDATION', '所选起始页不在本卷中（可能已被删除），请在页面条中重新选择。', { field: 'startPageId' });
  }
  realDate(input.formedOn, ctx.now());
  const before = input.id === undefined ? undefined : iq.itemById(ctx.store, input.id);
  if (input.id !== undefined && (!before || before.volumeId !== volume.id)) {
    throw new AppError('NOT_FOUND', '找不到该条目，可能已被删除，请刷新后重试。');
  }
  const taken = iq.itemStartingAt(ctx.store, start.id);
  if (taken && taken.id !== input.id) {
    throw new AppError('CONFLICT', `第 ${start.position} 页已是材料「${taken.title}」的起始页。一页只能开始一份材料。`, { field: 'startPageId' });
  }
  const values: iq.ItemValues = { startPageId: start.id, classCode: input.classCode, title: input.title, formedOn: input.formedOn, note: input.note };
  const id = writeAudited(ctx, (tx) => {
    const itemId = before ? before.id : iq.insertItem(tx, { ...values, volumeId: volume.id, personId: volume.personId, volumeNo: volume.volumeNo });
    if (before) iq.updateItem(tx, before.id, values);
    refreshItems(tx, volume.id);
    const prev = before && { startPageId: before.startPageId, classCode: before.classCode, title: before.title, formedOn: before.formedOn, note: before.note };
    return {
      value: itemId,
      audit: { action: before ? 'item.update' : 'item.add', entity: 'item', entityId: itemId, before: prev, after: { volumeId: volume.id, ...values } },
    };
  });
  const saved = listItems(ctx.store, volume.id).find((it) => it.id === id);
  if (!saved) throw new AppError('INTERNAL', '条目保存后无法读回。');
  return saved;
}

export function deleteItem(ctx: DomainContext, id: number): void {
  const item = iq.itemById(ctx.store, id);
  if (!item) throw new AppError('NOT_FOUND', '找不到该条目，可能已被删除，请刷新后重试。');
  requireEditable(ctx.store, item.volumeId);
  writeAudited(ctx, (tx) => {
    iq.deleteItem(tx, id);
    refreshItems(tx, item.volumeId);
    return { value: null, audit: { action: 'item.delete', entity: 'item', entityId: id, before: item } };
  });
}
