/**
 * An import / upload / watch / scan job: pages from a source are processed and each finished page
 * is committed on its own (images to the blob store, the row and its audit entry in one write), so
 * the strip fills while the batch runs. A bad page is reported and skipped; pages already stored
 * are never touched. OCR is queued per page and runs in the background.
 */
import path from 'node:path';
import type { Job } from '../../../shared/types';
import * as gq from '../db/queries/pages';
import type { DomainContext } from '../domain/context';
import { writeAudited } from '../domain/write';
import { withNewBlobs } from './blobs';
import { refreshItems } from './items';
import type { JobHandle } from './jobs';
import type { IngestedPage, SourceSpec } from './ports';
import type { DigitizationRuntime } from './runtime';
import { removeImported } from './strip';
import { makeThumbnail } from './thumbnail';
import { requireEditable } from './volumes';

const KIND_OF_SOURCE: Record<SourceSpec['kind'], Job['kind']> = { files: 'import', upload: 'import', watch: 'watch', scan: 'scan' };

export function startIngest(rt: DigitizationRuntime, ctx: DomainContext, volumeId: number, spec: SourceSpec, insertAt?: number): Job {
  requireEditable(ctx.store, volumeId);
  return rt.jobs.start(KIND_OF_SOURCE[spec.kind], volumeId, (h) => runIngest(rt, ctx, volumeId, spec, insertAt, h));
}

async function runIngest(rt: DigitizationRuntime, ctx: DomainContext, volumeId: number, spec: SourceSpec, insertAt: number | undefined, h: JobHandle): Promise<string> {
  const added: number[] = [];
  h.setMessage(spec.kind === 'watch' ? `正在监视文件夹 ${spec.dir}` : spec.kind === 'scan' ? '正在扫描…' : '正在处理…');
  try {
    const ocr = await rt.ocrEngine().catch(() => null); // without OCR, pages are still stored (not auto-oriented)
    const pages = rt.imaging.ingest(spec, { signal: h.signal, ocr, onTotal: (n) => h.setTotal(n) });
    for await (const page of pages) {
      if (h.signal.aborted) break;
      if (!page.ok) {
        h.failed(page.source, page.message);
        continue;
      }
      try {
        const id = await storePage(ctx, volumeId, page, position(ctx, volumeId, insertAt, added));
        added.push(id);
        h.done();
        if (!page.processed.blank) rt.enqueueOcr(id);
      } catch (err) {
        h.failed(page.source, err instanceof Error ? err.message : String(err));
        requireEditable(ctx.store, volumeId); // an accepted volume ends the job instead of failing every page
      }
    }
  } finally {
    if (added.length > 0) {
      const ids = [...added];
      rt.undo.push(volumeId, { label: `导入的 ${ids.length} 页`, undo: (uctx) => removeImported(uctx, volumeId, ids) });
    }
  }
  return `${h.signal.aborted ? '已取消' : '完成'}：存入 ${added.length} 页。`;
}

/** Where the next page goes: appended, or (a rescan) right after the previous page of this job. */
function position(ctx: DomainContext, volumeId: number, insertAt: number | undefined, added: readonly number[]): number {
  const end = gq.liveCount(ctx.store, volumeId) + 1;
  if (insertAt === undefined) return end;
  const last = added.length > 0 ? gq.pageById(ctx.store, added[added.length - 1] as number) : undefined;
  if (!last) return Math.min(insertAt, end);
  return Math.min(last.deleted ? last.position : last.position + 1, end);
}

async function storePage(ctx: DomainContext, volumeId: number, page: IngestedPage, at: number): Promise<number> {
  const p = page.processed;
  const thumb = await makeThumbnail(p.jpeg);
  requireEditable(ctx.store, volumeId);
  return withNewBlobs(ctx.store, [p.jpeg, thumb, page.original], ([imageBlob = '', thumbBlob = '', originalBlob = '']) =>
    writeAudited(ctx, (tx) => {
      const values: gq.NewPage = {
        volumeId,
        position: Math.min(at, gq.liveCount(tx, volumeId) + 1),
        source: path.basename(page.source).slice(0, 300),
        kind: p.blank ? 'blank' : 'page',
        imageBlob,
        thumbBlob,
        originalBlob,
        sha256: p.sha256,
        width: p.width,
        height: p.height,
        dpi: p.dpi,
        rotation: p.rotation,
        skewDegrees: p.skewDegrees,
        colour: p.colour,
        stepsJson: JSON.stringify(p.steps),
        ocr: p.blank ? 'skipped' : 'pending',
      };
      const id = gq.insertPage(tx, values, ctx.now().toISOString());
      refreshItems(tx, volumeId);
      return {
        value: id,
        audit: { action: 'page.add', entity: 'page', entityId: id, after: { volumeId, position: values.position, source: values.source, kind: values.kind, sha256: p.sha256 } },
      };
    }),
  );
}
