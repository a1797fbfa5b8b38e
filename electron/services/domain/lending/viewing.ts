/** 电子查阅: open the approved scope, serve watermarked pages (each one logged), and make certified copies. */
import { AppError } from '../../../../shared/errors';
import type { DocumentInfo } from '../../../../shared/types';
import type { ViewSession } from '../../../../shared/lendingTypes';
import * as q from '../../db/queries/lending';
import { insertView } from '../../db/queries/lendingLog';
import { renderImagePages } from '../../documents';
import { watermarkPage } from '../../lending/watermark';
import type { DomainContext } from '../context';
import { PDF_MIME, stageDocument } from '../documents';
import { writeAudited } from '../write';
import { localDay } from './dates';
import { REQUEST_ENTITY, requireRequest } from './read';
import { refusing } from './refusal';
import type { Clerk } from './requests';
import { checkExecutable, effectiveStatus } from './rules';
import { lendingSettings } from './settings';
import { scopeOfLoan, type ScopedPage } from './viewScope';

const VIEW_TYPES = ['电子查阅'];
const COPY_TYPES = ['电子查阅', '复制', '出具证明'];

function prepare(ctx: DomainContext, requestId: number, kinds: readonly string[], what: string) {
  const today = localDay(ctx.now());
  const r = requireRequest(ctx.store, requestId);
  checkExecutable({ status: effectiveStatus(r, today), type: r.type, expiresOn: r.expiresOn }, kinds, what);
  if (today < r.periodFrom || today > r.periodTo) {
    throw new AppError('CONFLICT', `批准的查阅期限为 ${r.periodFrom} 至 ${r.periodTo}，今天（${today}）不在期限内，不能${what}。`);
  }
  const readers = q.readersOf(ctx.store, r.id).map((x) => x.name).join('、');
  const scopes = q.loansOf(ctx.store, r.id).map((l) => scopeOfLoan(ctx.store, l));
  return { r, today, watermark: `${readers} ${today} ${r.requestNo}`, scopes };
}

function allowedPage(scopes: ReturnType<typeof prepare>['scopes'], pageId: number): ScopedPage {
  for (const s of scopes) {
    const p = s.pages.find((x) => x.pageId === pageId);
    if (!p) continue;
    if (p.allowed) return p;
    const why = p.classCode === null ? '不属于任何已编目的类别' : `属于第 ${p.classCode} 类`;
    throw new AppError('VALIDATION', `档案 ${p.archiveNo} 的第 ${p.position} 页${why}，不在批准查阅的范围（${s.file.classes.length > 0 ? `第 ${s.file.classes.join('、')} 类` : '批准的卷次/材料'}）内。`, { pageId });
  }
  throw new AppError('VALIDATION', '所选页面不属于这份申请批准的档案，不能查看。', { pageId });
}

export async function openView(ctx: DomainContext, requestId: number): Promise<ViewSession> {
  return refusing(ctx, 'lending.view.open', REQUEST_ENTITY, requestId, () => {
    const { r, watermark, scopes } = prepare(ctx, requestId, VIEW_TYPES, '电子查阅');
    const at = ctx.now().toISOString();
    writeAudited(ctx, (tx) => {
      if (r.status === 'approved') q.setRequestState(tx, r.id, { status: 'in_use', at, usedAt: at });
      return { value: null, audit: { action: 'lending.view.open', entity: REQUEST_ENTITY, entityId: r.id, after: { summary: watermark } } };
    });
    return { requestId: r.id, requestNo: r.requestNo, watermark, periodFrom: r.periodFrom, periodTo: r.periodTo, files: scopes.map((s) => s.file) };
  });
}

export async function viewPage(ctx: DomainContext, clerk: Clerk, requestId: number, pageId: number): Promise<{ mime: string; base64: string; width: number; height: number }> {
  return refusing(ctx, 'lending.view.page', REQUEST_ENTITY, requestId, async () => {
    const { r, watermark, scopes } = prepare(ctx, requestId, VIEW_TYPES, '电子查阅');
    const page = allowedPage(scopes, pageId);
    const marked = await watermarkPage(ctx.store.blobs.get(page.imageBlob), watermark);
    const at = ctx.now().toISOString();
    writeAudited(ctx, (tx) => {
      insertView(tx, { requestId: r.id, pageId, kind: 'view', userId: clerk.id, userName: clerk.name, at });
      if (r.status === 'approved') q.setRequestState(tx, r.id, { status: 'in_use', at, usedAt: at });
      return { value: null, audit: { action: 'lending.view', entity: REQUEST_ENTITY, entityId: r.id, after: { archiveNo: page.archiveNo, pageId, position: page.position } } };
    });
    return { mime: 'image/jpeg', base64: marked.jpeg.toString('base64'), width: marked.width, height: marked.height };
  });
}

export async function makeCopy(ctx: DomainContext, clerk: Clerk, requestId: number, pageIds: readonly number[]): Promise<DocumentInfo> {
  return refusing(ctx, 'lending.copy', REQUEST_ENTITY, requestId, async () => {
    const { r, today, watermark, scopes } = prepare(ctx, requestId, COPY_TYPES, '复制');
    const pages = [...new Set(pageIds)].map((id) => allowedPage(scopes, id));
    const images = [];
    for (const p of pages) {
      const marked = await watermarkPage(ctx.store.blobs.get(p.imageBlob), watermark);
      images.push({ jpeg: new Uint8Array(marked.jpeg), widthPx: marked.width, heightPx: marked.height, dpi: p.dpi });
    }
    const unit = lendingSettings(ctx.store).archiveUnit;
    const footer = `经核对，本复制件与馆藏档案原件一致，仅供 ${r.unit}（${r.purpose === '其他' ? r.purposeOther : r.purpose}）使用，不得转作他用。${unit} ${today} 申请单 ${r.requestNo}`;
    const bytes = await renderImagePages({ pages: images, watermark, footer });
    const staged = stageDocument(ctx, {
      kind: 'lending_copy', title: `复制件 ${r.requestNo}（${pages.length} 页）`, refEntity: REQUEST_ENTITY, refId: r.id,
      fileName: `复制件-${r.requestNo}.pdf`, mime: PDF_MIME, bytes,
    });
    const at = ctx.now().toISOString();
    try {
      return writeAudited(ctx, (tx) => {
        const info = staged.record(tx);
        for (const p of pages) insertView(tx, { requestId: r.id, pageId: p.pageId, kind: 'copy', userId: clerk.id, userName: clerk.name, at });
        // A copy uses the approval (it no longer lapses) without opening a loan.
        if (r.status === 'approved') q.setRequestState(tx, r.id, { status: r.type === '电子查阅' ? 'in_use' : 'approved', at, usedAt: at });
        const summary = `${pages.length} 页（${[...new Set(pages.map((p) => p.archiveNo))].join('、')}）`;
        return { value: info, audit: { action: 'lending.copy', entity: REQUEST_ENTITY, entityId: r.id, after: { summary, documentId: info.id, sha256: info.sha256 } } };
      });
    } catch (e) {
      staged.discard();
      throw e;
    }
  });
}
