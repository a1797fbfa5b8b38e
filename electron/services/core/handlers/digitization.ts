/** Digitization: volumes, the page strip, background jobs, the item list and exports. */
import { isReadableDir } from '../../fsChecks';
import { AppError } from '../../../../shared/errors';
import { checkPageSequence, volumePageCount } from '../../../../shared/pageCounting';
import * as gq from '../../db/queries/pages';
import * as vq from '../../db/queries/volumes';
import { acceptVolume } from '../../digitization/accept';
import { defaultDeps } from '../../digitization/adapters';
import { exportTarget, startExport } from '../../digitization/export/exportJob';
import { startIngest } from '../../digitization/ingest';
import { deleteItem, listItems, saveItem } from '../../digitization/items';
import { pageImage, pageText } from '../../digitization/pageContent';
import { runtimeFor, type DigitizationRuntime } from '../../digitization/runtime';
import { adjustPage, deletePage, movePage, requireLivePage, rotatePage, setPageKind, setPrintedNumber, undoLast } from '../../digitization/strip';
import { suggestItem } from '../../digitization/suggest';
import { createVolume, requireVolume, updateVolume } from '../../digitization/volumes';
import type { DomainContext } from '../../domain/context';
import type { CallContext, HandlerMap } from './types';

function runtime(ctx: CallContext): DigitizationRuntime {
  return runtimeFor(ctx.workspace.require(), defaultDeps);
}

/** Jobs outlive the call: their clock runs on from the call's time (which tests may fix). */
function jobContext(ctx: CallContext): DomainContext {
  const base = ctx.domain();
  const start = ctx.now.getTime();
  const t0 = performance.now();
  return { ...base, now: () => new Date(start + (performance.now() - t0)) };
}

function readableDir(dir: string): void {
  if (!isReadableDir(dir)) throw new AppError('VALIDATION', `无法读取文件夹 ${dir}。请确认它存在且本程序有权限读取。`, { field: 'dir' });
}

export const digitizationHandlers: HandlerMap<
  | 'volume.list'
  | 'volume.create'
  | 'volume.update'
  | 'volume.accept'
  | 'volume.export'
  | 'page.list'
  | 'page.image'
  | 'page.text'
  | 'page.rotate'
  | 'page.adjust'
  | 'page.setKind'
  | 'page.setPrintedNumber'
  | 'page.move'
  | 'page.delete'
  | 'page.undo'
  | 'page.import'
  | 'page.upload'
  | 'page.watch'
  | 'scanner.status'
  | 'page.scan'
  | 'job.get'
  | 'job.cancel'
  | 'item.list'
  | 'item.save'
  | 'item.delete'
  | 'item.suggest'
> = {
  'volume.list': (i, ctx) => vq.listVolumes(ctx.domain().store, i),
  'volume.create': (i, ctx) => createVolume(ctx.domain(), i),
  'volume.update': (i, ctx) => updateVolume(ctx.domain(), i),
  'volume.accept': (i, ctx) => {
    const rt = runtime(ctx);
    const { volume } = acceptVolume(ctx.domain(), i.id, rt.jobs.running(i.id).filter((j) => j.kind !== 'export').length);
    rt.undo.clear(i.id);
    return volume;
  },
  'volume.export': (i, ctx) => {
    const target = exportTarget(requireVolume(ctx.domain().store, i.id), i.dir, { folder: i.folder, pdf: i.pdf });
    const jobCtx = jobContext(ctx);
    return { jobId: startExport(runtime(ctx), target, jobCtx.now).id };
  },

  'page.list': (i, ctx) => {
    const store = ctx.domain().store;
    requireVolume(store, i.volumeId);
    const records = gq.livePages(store, i.volumeId);
    if (records.some((p) => p.ocr === 'pending')) runtime(ctx).ocrQueue.enqueuePending(i.volumeId); // resumes OCR after a restart
    const strip = records.map((p) => ({ id: p.id, kind: p.kind, printedNumber: p.printedNumber }));
    return { pages: records.map(gq.toPageInfo), pageCount: volumePageCount(strip), sequenceProblems: checkPageSequence(strip) };
  },
  'page.image': (i, ctx) => pageImage(ctx.domain().store, i.pageId, i.variant),
  'page.text': (i, ctx) => pageText(ctx.domain().store, i.pageId),
  'page.rotate': (i, ctx) => rotatePage(runtime(ctx), ctx.domain(), i.pageId, i.degrees),
  'page.adjust': (i, ctx) => adjustPage(runtime(ctx), ctx.domain(), i.pageId, i),
  'page.setKind': (i, ctx) => setPageKind(runtime(ctx), ctx.domain(), i.pageId, i.kind),
  'page.setPrintedNumber': (i, ctx) => setPrintedNumber(runtime(ctx), ctx.domain(), i.pageId, i.printedNumber),
  'page.move': (i, ctx) => {
    movePage(runtime(ctx), ctx.domain(), i.pageId, i.toPosition);
    return null;
  },
  'page.delete': (i, ctx) => {
    deletePage(runtime(ctx), ctx.domain(), i.pageId);
    return null;
  },
  'page.undo': (i, ctx) => undoLast(runtime(ctx), ctx.domain(), i.volumeId),

  'page.import': (i, ctx) => ({ jobId: startIngest(runtime(ctx), jobContext(ctx), i.volumeId, { kind: 'files', files: i.files }, i.insertAt).id }),
  'page.upload': (i, ctx) => {
    const data = Buffer.from(i.base64, 'base64');
    if (data.length === 0) throw new AppError('VALIDATION', `文件 ${i.name} 是空的或不是有效的 base64 数据。`);
    return { jobId: startIngest(runtime(ctx), jobContext(ctx), i.volumeId, { kind: 'upload', name: i.name, data }, i.insertAt).id };
  },
  'page.watch': (i, ctx) => {
    readableDir(i.dir);
    return { jobId: startIngest(runtime(ctx), jobContext(ctx), i.volumeId, { kind: 'watch', dir: i.dir }).id };
  },
  'scanner.status': (_i, ctx) => runtime(ctx).imaging.scannerStatus(),
  'page.scan': async (i, ctx) => {
    const rt = runtime(ctx);
    const status = await rt.imaging.scannerStatus();
    if (!status.available) throw new AppError('CONFLICT', status.message || '没有可用的扫描仪。');
    const spec = { kind: 'scan' as const, device: i.device, duplex: i.duplex, resolution: i.resolution, colour: i.colour };
    return { jobId: startIngest(rt, jobContext(ctx), i.volumeId, spec).id };
  },
  'job.get': (i, ctx) => runtime(ctx).jobs.get(i.jobId),
  'job.cancel': (i, ctx) => runtime(ctx).jobs.cancel(i.jobId),

  'item.list': (i, ctx) => {
    const store = ctx.domain().store;
    requireVolume(store, i.volumeId);
    return listItems(store, i.volumeId);
  },
  'item.save': (i, ctx) => saveItem(ctx.domain(), i),
  'item.delete': (i, ctx) => {
    deleteItem(ctx.domain(), i.id);
    return null;
  },
  'item.suggest': (i, ctx) => {
    const store = ctx.domain().store;
    return suggestItem(pageText(store, requireLivePage(store, i.pageId).id));
  },
};
