/**
 * 验收: the clerk accepts a volume. Originals are dropped (the processed images are the record),
 * deleted pages and superseded images are purged because nothing can undo to them any more, and
 * the volume becomes read-only.
 */
import { AppError } from '../../../shared/errors';
import { checkPageSequence } from '../../../shared/pageCounting';
import type { Volume } from '../../../shared/types';
import * as gq from '../db/queries/pages';
import * as vq from '../db/queries/volumes';
import type { DomainContext } from '../domain/context';
import { writeAudited } from '../domain/write';
import { releaseBlobs } from './blobs';
import { requireEditable, requireVolume } from './volumes';

export function acceptVolume(ctx: DomainContext, volumeId: number, runningJobs: number): { volume: Volume; blobsDeleted: number } {
  const v = requireEditable(ctx.store, volumeId);
  if (runningJobs > 0) {
    throw new AppError('CONFLICT', '本卷还有导入或扫描任务在进行。请等待其完成或取消后再验收。');
  }
  if (v.pageCount === 0) throw new AppError('CONFLICT', '本卷还没有计数页面，不能验收。请先导入或扫描页面。');
  const pages = gq.livePages(ctx.store, volumeId);
  const problems = checkPageSequence(pages.map((p) => ({ id: p.id, kind: p.kind, printedNumber: p.printedNumber })));
  const freed = writeAudited(ctx, (tx) => {
    const at = ctx.now().toISOString();
    const dropped = [...gq.dropOriginals(tx, volumeId, at), ...gq.purgeDeleted(tx, volumeId), ...gq.takeRetiredBlobs(tx, volumeId)];
    vq.markAccepted(tx, volumeId, at);
    return {
      value: dropped,
      audit: {
        action: 'volume.accept',
        entity: 'volume',
        entityId: volumeId,
        after: { pageCount: v.pageCount, stripCount: v.stripCount, sequenceProblems: problems.length, originalsDropped: pages.filter((p) => p.hasOriginal).length },
      },
    };
  });
  // Only after the commit: if it had failed, the blobs must still be there.
  const blobsDeleted = releaseBlobs(ctx.store, freed);
  return { volume: requireVolume(ctx.store, volumeId), blobsDeleted };
}
