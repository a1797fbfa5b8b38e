/**
 * After acceptance: imports each person's digital copy into the encrypted store as volumes and
 * pages, so it is viewed, searched and exported like a copy scanned here. Each page is committed on
 * its own; a page that fails is a per-page error and the rest go on. Re-running is idempotent:
 * pages already in the volume (same SHA-256) are skipped, so an interrupted import can be resumed.
 * A volume whose pages all arrived is accepted (read-only), as the enterprise's copy is final.
 */
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { IntakeJob } from '../../../../shared/intakeTypes';
import * as hq from '../../db/queries/intakeHoldings';
import * as gq from '../../db/queries/pages';
import * as vq from '../../db/queries/volumes';
import { acceptVolume } from '../../digitization/accept';
import { withNewBlobs } from '../../digitization/blobs';
import { createVolume } from '../../digitization/volumes';
import type { DomainContext } from '../../domain/context';
import { requireBatch } from '../../domain/intake/batches';
import { writeAudited } from '../../domain/write';
import { requireReadableDir } from '../checkJob';
import { scanPackage, type ImageFile, type PersonFolder } from '../check/packageScan';
import { DEFAULT_IMAGE_LIMITS, readPageHeaders } from '../check/pageRecords';
import { readUntrusted } from '../check/safeRead';
import type { IntakeJobHandle, IntakeRuntime } from '../runtime';
import { copyPage } from './copyPage';
import { importItemList } from './itemList';

export interface CopyImportDeps {
  /** Queues OCR of a stored page (the digitization runtime's queue). */
  enqueueOcr: (pageId: number) => void;
}

/** Volume folders of a person in page order ('' = images directly in the person folder). */
function volumeGroups(folder: PersonFolder): ImageFile[][] {
  const groups = new Map<string, ImageFile[]>();
  for (const img of folder.images) groups.set(img.volume, [...(groups.get(img.volume) ?? []), img]);
  return [...groups.values()];
}

export function startCopyImport(rt: IntakeRuntime, ctx: DomainContext, deps: CopyImportDeps, batchId: number, packageDirInput?: string): IntakeJob {
  const batch = requireBatch(ctx.store, batchId);
  if (batch.status !== 'accepted') throw new AppError('CONFLICT', `批次 ${batch.batchNo} 尚未接收，接收后才能导入数字副本。`);
  const dir = packageDirInput ?? batch.packageDir;
  if (!dir) throw new AppError('VALIDATION', '请选择该批次的数字副本文件夹。', { field: 'packageDir' });
  if (rt.running(batchId, 'import-copies').length > 0) throw new AppError('CONFLICT', '该批次的数字副本正在导入，请等待其完成。');
  requireReadableDir(dir);
  return rt.start('import-copies', batchId, (h) => runImport(ctx, deps, batchId, dir, h));
}

async function runImport(ctx: DomainContext, deps: CopyImportDeps, batchId: number, dir: string, h: IntakeJobHandle): Promise<string> {
  h.phase('扫描文件夹', null);
  const scan = await scanPackage(dir);
  const byId = new Map<string, PersonFolder>();
  for (const f of scan.persons) if (!byId.has(f.idNumber)) byId.set(f.idNumber, f);
  const work = hq
    .filesOfBatch(ctx.store, batchId)
    .map((file) => ({ file, folder: byId.get(file.idNumber) }))
    .filter((w): w is { file: (typeof w)['file']; folder: PersonFolder } => w.folder !== undefined);
  const total = work.reduce((n, w) => n + w.folder.images.length, 0);
  h.phase('导入页面', total);
  let filesDone = 0;
  let stored = 0;
  let skipped = 0;
  for (const { file, folder } of work) {
    const groups = volumeGroups(folder);
    for (const [i, images] of groups.entries()) {
      if (h.signal.aborted) break;
      const archiveNo = groups.length > 1 ? `${file.archiveNo}-${i + 1}` : file.archiveNo;
      const existing = vq.volumeByArchiveNo(ctx.store, archiveNo);
      if (existing && existing.personId !== file.personId) {
        h.failed(folder.rel, `档号 ${archiveNo} 已用于 ${existing.personName} 的卷，${file.name} 的数字副本未导入。`);
        filesDone += images.length;
        h.progress(filesDone);
        continue;
      }
      const volume = existing ?? createVolume(ctx, { personId: file.personId, scheme: 'enterprise', archiveNo });
      if (volume.status === 'accepted') {
        filesDone += images.length;
        skipped += images.length;
        h.progress(filesDone);
        continue;
      }
      const have = new Set(gq.livePages(ctx.store, volume.id).map((p) => p.sha256));
      let failed = 0;
      for (const img of images) {
        if (h.signal.aborted) break;
        const r = await importImage(ctx, deps, volume.id, folder, img, have);
        stored += r.stored;
        skipped += r.skipped;
        failed += r.errors.length;
        for (const e of r.errors) h.failed(img.rel, e);
        h.progress(++filesDone);
      }
      if (h.signal.aborted) break;
      if (i === 0 && folder.itemLists[0]) {
        const msg = await importItemList(ctx, volume.id, folder.itemLists[0].abs).catch((err: unknown) => (err instanceof Error ? err.message : String(err)));
        if (msg) h.warn(folder.itemLists[0].rel, msg);
      }
      if (failed === 0) {
        try {
          acceptVolume(ctx, volume.id, 0);
        } catch (err) {
          h.warn(folder.rel, `${file.name} 的第 ${i + 1} 卷未自动验收：${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
  }
  const missing = hq.filesOfBatch(ctx.store, batchId).length - work.length;
  return `${h.signal.aborted ? '已取消' : '完成'}：存入 ${stored} 页${skipped ? `，${skipped} 页此前已导入` : ''}${missing ? `；${missing} 人在数字副本中没有文件夹` : ''}。`;
}

async function importImage(
  ctx: DomainContext,
  deps: CopyImportDeps,
  volumeId: number,
  folder: PersonFolder,
  img: ImageFile,
  have: Set<string>,
): Promise<{ stored: number; skipped: number; errors: string[] }> {
  const out = { stored: 0, skipped: 0, errors: [] as string[] };
  const limits = DEFAULT_IMAGE_LIMITS;
  const records = await readPageHeaders(folder, img, limits);
  const read = await readUntrusted(img.abs, limits.maxImageBytes);
  for (const rec of records) {
    if (rec.status !== 'ok' || !read.ok) {
      out.errors.push(`无法导入：${rec.problem || '文件无法读取'}`);
      continue;
    }
    try {
      const page = await copyPage(read.bytes, rec, limits.maxPixels);
      if (have.has(page.sha256)) {
        out.skipped++;
        continue;
      }
      const id = withNewBlobs(ctx.store, [page.jpeg, page.thumb], ([imageBlob = '', thumbBlob = '']) =>
        writeAudited(ctx, (tx) => {
          const values: gq.NewPage = {
            volumeId,
            position: gq.liveCount(tx, volumeId) + 1,
            source: path.basename(img.rel).slice(0, 300),
            kind: page.blank ? 'blank' : 'page',
            imageBlob,
            thumbBlob,
            originalBlob: null,
            sha256: page.sha256,
            width: page.width,
            height: page.height,
            dpi: page.dpi,
            rotation: 0,
            skewDegrees: 0,
            colour: false,
            stepsJson: '[]',
            ocr: page.blank ? 'skipped' : 'pending',
          };
          const pageId = gq.insertPage(tx, values, ctx.now().toISOString());
          return { value: pageId, audit: { action: 'page.add', entity: 'page', entityId: pageId, after: { volumeId, position: values.position, source: values.source, kind: values.kind, sha256: page.sha256, via: 'intake' } } };
        }),
      );
      have.add(page.sha256);
      out.stored++;
      if (!page.blank) deps.enqueueOcr(id);
    } catch (err) {
      out.errors.push(`无法导入第 ${rec.tiffPage + 1} 页：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}
