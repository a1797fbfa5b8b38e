/**
 * Edits to a volume's page strip: rotate and adjust (reprocessed from the original), set kind, set the
 * printed number, move, delete. Each is one audited write and pushes its inverse on the volume's
 * undo stack; none is allowed once the volume is accepted.
 */
import { AppError } from '../../../shared/errors';
import type { PageKind } from '../../../shared/pageCounting';
import type { PageInfo } from '../../../shared/types';
import * as iq from '../db/queries/items';
import * as gq from '../db/queries/pages';
import type { DomainContext } from '../domain/context';
import { writeAudited } from '../domain/write';
import type { Reader, Tx } from '../store/api';
import { withNewBlobs } from './blobs';
import { refreshItems } from './items';
import { croppedIn, withOverrides, type Overrides } from './imaging/steps';
import type { Imaging, ProcessedImage, Rotation } from './ports';
import { makeThumbnail } from './thumbnail';
import type { UndoStacks } from './undo';
import { requireEditable } from './volumes';

export interface StripDeps {
  imaging: Imaging;
  undo: UndoStacks;
  /** Queues background OCR for a page whose image changed or which became a counted page. */
  enqueueOcr(pageId: number): void;
}

const KIND_LABEL: Record<PageKind, string> = { page: '正文页', blank: '空白页', cover: '封面' };

export function requireLivePage(db: Reader, pageId: number): gq.PageRecord {
  const p = gq.pageById(db, pageId);
  if (!p || p.deleted) throw new AppError('NOT_FOUND', '找不到该页面，可能已被删除，请刷新后重试。');
  return p;
}

function editablePage(db: Reader, pageId: number): gq.PageRecord {
  const p = requireLivePage(db, pageId);
  requireEditable(db, p.volumeId);
  return p;
}

function info(db: Reader, pageId: number): PageInfo {
  return gq.toPageInfo(requireLivePage(db, pageId));
}

function imageValues(p: gq.PageRecord): gq.ImageValues {
  return {
    imageBlob: p.imageBlob,
    thumbBlob: p.thumbBlob,
    sha256: p.sha256,
    width: p.width,
    height: p.height,
    dpi: p.dpi,
    rotation: p.rotation,
    skewDegrees: p.skewDegrees,
    colour: p.colour,
    stepsJson: p.stepsJson,
    ocrBlob: p.ocrBlob,
    textPdfBlob: p.textPdfBlob,
    ocr: p.ocr,
    ocrConfidence: p.ocrConfidence,
  };
}

function parseSteps(json: string): unknown[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** Replaces a page's image, keeping the one it replaces (and its OCR) for undo until acceptance. */
function swapImage(tx: Tx, ctx: DomainContext, page: gq.PageRecord, next: gq.ImageValues): void {
  const current = gq.pageById(tx, page.id) ?? page;
  gq.updateImage(tx, page.id, next, ctx.now().toISOString());
  const replaced = [current.imageBlob, current.thumbBlob, current.ocrBlob, current.textPdfBlob].filter(
    (b): b is string => b !== null && b !== next.imageBlob && b !== next.thumbBlob && b !== next.ocrBlob && b !== next.textPdfBlob,
  );
  gq.retireBlobs(tx, page.volumeId, replaced);
}

/** A re-run of processing on a page's original: what to run, and how the edit is audited and labelled. */
interface Rework {
  rotation: Rotation;
  steps: unknown[];
  action: 'page.rotate' | 'page.adjust';
  label: string;
  /** The audited fields, before and after. */
  fields(v: gq.ImageValues): Record<string, unknown>;
}

/**
 * Reprocesses a page from its original and swaps the result in: one audited write, OCR queued
 * again, and an undo entry that swaps the previous image (and its OCR) back.
 */
async function reworkPage(d: StripDeps, ctx: DomainContext, page: gq.PageRecord, r: Rework): Promise<PageInfo> {
  const pageId = page.id;
  if (!page.originalBlob) throw new AppError('CONFLICT', '该页的原始图像已不存在，无法重新处理。');
  const processed: ProcessedImage = await d.imaging.reprocess(ctx.store.blobs.get(page.originalBlob), r.steps, r.rotation);
  const thumb = await makeThumbnail(processed.jpeg);
  // Processing awaited: a background job may have committed meanwhile, so re-check before writing.
  const fresh = editablePage(ctx.store, pageId);
  const before = imageValues(fresh);
  withNewBlobs(ctx.store, [processed.jpeg, thumb], ([imageBlob = '', thumbBlob = '']) => {
    const next: gq.ImageValues = {
      imageBlob,
      thumbBlob,
      sha256: processed.sha256,
      width: processed.width,
      height: processed.height,
      dpi: processed.dpi,
      rotation: processed.rotation,
      skewDegrees: processed.skewDegrees,
      colour: processed.colour,
      stepsJson: JSON.stringify(processed.steps),
      ocrBlob: null,
      textPdfBlob: null,
      ocr: fresh.kind === 'page' ? 'pending' : 'skipped',
      ocrConfidence: null,
    };
    writeAudited(ctx, (tx) => {
      swapImage(tx, ctx, fresh, next);
      return { value: null, audit: { action: r.action, entity: 'page', entityId: pageId, before: r.fields(before), after: r.fields(next) } };
    });
  });
  if (fresh.kind === 'page') d.enqueueOcr(pageId);
  d.undo.push(fresh.volumeId, {
    label: r.label,
    undo: (uctx) => {
      const now = editablePage(uctx.store, pageId);
      writeAudited(uctx, (tx) => {
        swapImage(tx, uctx, now, before);
        return { value: null, audit: { action: 'page.undo', entity: 'page', entityId: pageId, after: { undone: r.action, ...r.fields(before) } } };
      });
      if (before.ocr === 'pending') d.enqueueOcr(pageId);
    },
  });
  return info(ctx.store, pageId);
}

export async function rotatePage(d: StripDeps, ctx: DomainContext, pageId: number, degrees: 90 | 180 | 270): Promise<PageInfo> {
  const page = editablePage(ctx.store, pageId);
  return reworkPage(d, ctx, page, {
    rotation: ((page.rotation + degrees) % 360) as Rotation,
    steps: parseSteps(page.stepsJson),
    action: 'page.rotate',
    label: `旋转第 ${page.position} 页`,
    fields: (v) => ({ rotation: v.rotation, sha256: v.sha256 }),
  });
}

/**
 * The clerk's override of deskew angle, border cropping or colour: the page is reprocessed from
 * its original with the given choices in place of the automatic ones (the rest stay as recorded).
 */
export async function adjustPage(d: StripDeps, ctx: DomainContext, pageId: number, o: Overrides): Promise<PageInfo> {
  const page = editablePage(ctx.store, pageId);
  const changes = [
    o.skewDegrees === undefined ? null : `纠偏 ${o.skewDegrees.toFixed(1)}°`,
    o.crop === undefined ? null : o.crop ? '裁边' : '不裁边',
    o.colour === undefined ? null : o.colour ? '彩色' : '灰度',
  ].filter((c): c is string => c !== null);
  if (changes.length === 0) throw new AppError('VALIDATION', '请指定要调整的项目：纠偏角度、裁边或彩色/灰度。');
  return reworkPage(d, ctx, page, {
    rotation: page.rotation,
    steps: withOverrides(parseSteps(page.stepsJson), o),
    action: 'page.adjust',
    label: `调整第 ${page.position} 页（${changes.join('、')}）`,
    fields: (v) => ({ skewDegrees: v.skewDegrees, cropped: croppedIn(parseSteps(v.stepsJson)), colour: v.colour, sha256: v.sha256 }),
  });
}

function writeKind(ctx: DomainContext, page: gq.PageRecord, kind: PageKind, action: string): void {
  writeAudited(ctx, (tx) => {
    const at = ctx.now().toISOString();
    gq.setKind(tx, page.id, kind, at);
    if (kind === 'page') gq.markOcrPending(tx, page.id, at);
    refreshItems(tx, page.volumeId);
    return { value: null, audit: { action, entity: 'page', entityId: page.id, before: { kind: page.kind }, after: { kind } } };
  });
}

export function setPageKind(d: StripDeps, ctx: DomainContext, pageId: number, kind: PageKind): PageInfo {
  const page = editablePage(ctx.store, pageId);
  if (page.kind === kind) return gq.toPageInfo(page);
  writeKind(ctx, page, kind, 'page.setKind');
  if (kind === 'page') d.enqueueOcr(pageId);
  d.undo.push(page.volumeId, {
    label: `把第 ${page.position} 页标为${KIND_LABEL[kind]}`,
    undo: (uctx) => {
      writeKind(uctx, editablePage(uctx.store, pageId), page.kind, 'page.undo');
      if (page.kind === 'page') d.enqueueOcr(pageId);
    },
  });
  return info(ctx.store, pageId);
}

export function setPrintedNumber(d: StripDeps, ctx: DomainContext, pageId: number, n: number | null): PageInfo {
  const page = editablePage(ctx.store, pageId);
  const write = (c: DomainContext, value: number | null, set: boolean, action: string) =>
    writeAudited(c, (tx) => {
      gq.setPrintedNumber(tx, pageId, value, set, c.now().toISOString());
      return { value: null, audit: { action, entity: 'page', entityId: pageId, before: { printedNumber: page.printedNumber }, after: { printedNumber: value } } };
    });
  write(ctx, n, true, 'page.setPrintedNumber');
  d.undo.push(page.volumeId, {
    label: `修改第 ${page.position} 页的页码`,
    undo: (uctx) => {
      editablePage(uctx.store, pageId);
      write(uctx, page.printedNumber, page.printedNumberSet, 'page.undo');
    },
  });
  return info(ctx.store, pageId);
}

function moveTo(ctx: DomainContext, pageId: number, toPosition: number, action: string): { from: number; to: number } {
  const page = editablePage(ctx.store, pageId);
  const to = Math.min(Math.max(1, toPosition), gq.liveCount(ctx.store, page.volumeId));
  if (to === page.position) return { from: page.position, to };
  writeAudited(ctx, (tx) => {
    gq.movePage(tx, page, to, ctx.now().toISOString());
    refreshItems(tx, page.volumeId);
    return { value: null, audit: { action, entity: 'page', entityId: pageId, before: { position: page.position }, after: { position: to } } };
  });
  return { from: page.position, to };
}

export function movePage(d: StripDeps, ctx: DomainContext, pageId: number, toPosition: number): void {
  const { from, to } = moveTo(ctx, pageId, toPosition, 'page.move');
  if (from === to) return;
  const volumeId = requireLivePage(ctx.store, pageId).volumeId;
  d.undo.push(volumeId, { label: `把第 ${from} 页移到第 ${to} 页`, undo: (uctx) => void moveTo(uctx, pageId, from, 'page.undo') });
}

/**
 * Soft-deletes a page inside a transaction. An item that started at it now starts at the next
 * page (so the item list stays whole); if there is no free next page the delete is refused.
 * Returns the item whose start moved, for the undo.
 */
export function deleteInTx(tx: Tx, pageId: number, at: string): { itemId: number | null } {
  const page = gq.pageById(tx, pageId);
  if (!page || page.deleted) return { itemId: null };
  const item = iq.itemStartingAt(tx, pageId);
  let next: gq.PageRecord | undefined;
  if (item) {
    next = gq.pageAt(tx, page.volumeId, page.position + 1);
    if (!next || iq.itemStartingAt(tx, next.id)) {
      throw new AppError('CONFLICT', `第 ${page.position} 页是材料「${item.title}」的起始页，删除后该材料没有页面。请先删除该条目，或把它的起始页改到别的页。`);
    }
  }
  gq.softDeletePage(tx, page, at);
  if (item && next) iq.setStartPage(tx, item.id, next.id);
  refreshItems(tx, page.volumeId);
  return { itemId: item?.id ?? null };
}

function restoreInTx(tx: Tx, page: gq.PageRecord, itemId: number | null, at: string): void {
  const now = gq.pageById(tx, page.id);
  if (!now || !now.deleted) return;
  gq.restorePage(tx, page, Math.min(page.position, gq.liveCount(tx, page.volumeId) + 1), at);
  if (itemId !== null && iq.itemById(tx, itemId)) iq.setStartPage(tx, itemId, page.id);
  refreshItems(tx, page.volumeId);
}

export function deletePage(d: StripDeps, ctx: DomainContext, pageId: number): void {
  const page = editablePage(ctx.store, pageId);
  const { itemId } = writeAudited(ctx, (tx) => {
    const r = deleteInTx(tx, pageId, ctx.now().toISOString());
    return { value: r, audit: { action: 'page.delete', entity: 'page', entityId: pageId, before: { position: page.position, source: page.source, sha256: page.sha256 } } };
  });
  d.undo.push(page.volumeId, {
    label: `删除第 ${page.position} 页`,
    undo: (uctx) => {
      requireEditable(uctx.store, page.volumeId);
      writeAudited(uctx, (tx) => {
        restoreInTx(tx, page, itemId, uctx.now().toISOString());
        return { value: null, audit: { action: 'page.undo', entity: 'page', entityId: pageId, after: { undone: 'page.delete', position: page.position } } };
      });
    },
  });
}

/** The inverse of an import: the pages it added leave the strip (soft-deleted, like a delete). */
export function removeImported(ctx: DomainContext, volumeId: number, pageIds: readonly number[]): void {
  requireEditable(ctx.store, volumeId);
  writeAudited(ctx, (tx) => {
    const at = ctx.now().toISOString();
    for (const id of [...pageIds].reverse()) deleteInTx(tx, id, at);
    return { value: null, audit: { action: 'page.undo', entity: 'volume', entityId: volumeId, after: { undone: 'page.import', pages: pageIds.length } } };
  });
}

export async function undoLast(d: StripDeps, ctx: DomainContext, volumeId: number): Promise<{ undone: string | null }> {
  requireEditable(ctx.store, volumeId);
  const entry = d.undo.pop(volumeId);
  if (!entry) return { undone: null };
  try {
    await entry.undo(ctx);
  } catch (err) {
    // Left on the stack: the clerk can fix the cause (e.g. a job still running) and try again.
    d.undo.push(volumeId, entry);
    throw err;
  }
  return { undone: entry.label };
}
