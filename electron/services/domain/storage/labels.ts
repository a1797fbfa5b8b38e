/** Label sheets: spine labels (one per volume) or box labels (one per file), and shelf-end labels per row (列). */
import { AppError } from '../../../../shared/errors';
import type { DocumentInfo } from '../../../../shared/types';
import * as fq from '../../db/queries/storageFind';
import * as lq from '../../db/queries/storageLayout';
import { renderLabelSheet, renderShelfEndLabels } from '../../documents';
import type { FileLabel, ShelfEndLabel } from '../../documents/types';
import type { DomainContext } from '../context';
import { PDF_MIME, saveDocument } from '../documents';
import { readStorageSettings } from './settings';

export async function labelSheet(ctx: DomainContext, x: { kind: 'spine' | 'box'; fileIds: number[]; skip: number }): Promise<DocumentInfo> {
  const ids = [...new Set(x.fileIds)];
  const files = fq.byFileIds(ctx.store, ids);
  if (files.length !== ids.length) throw new AppError('NOT_FOUND', `有 ${ids.length - files.length} 份所选档案找不到，可能已被删除。请刷新后重新选择。`);
  const labels: FileLabel[] = [];
  for (const f of files) {
    if (x.kind === 'box') labels.push({ archiveNo: f.archive_no, name: f.name, community: f.community_name, volumeNo: 1, volumes: f.volumes });
    else for (let v = 1; v <= f.volumes; v++) labels.push({ archiveNo: f.archive_no, name: f.name, community: f.community_name, volumeNo: v, volumes: f.volumes });
  }
  const grid = readStorageSettings(ctx.store).labelGrid;
  const perSheet = grid.columns * grid.rows;
  if (x.skip >= perSheet) throw new AppError('VALIDATION', `每张标签纸只有 ${perSheet} 个标签，跳过数应小于 ${perSheet}。`);
  const bytes = await renderLabelSheet({ kind: x.kind, grid, labels, skip: x.skip });
  const kindName = x.kind === 'spine' ? '脊背标签' : '档案盒标签';
  const day = ctx.now().toISOString().slice(0, 10);
  return saveDocument(ctx, {
    kind: `storage.label.${x.kind}`,
    title: `${kindName}（${files.length} 份，${labels.length} 张）`,
    refEntity: 'archive_file',
    refId: files.length === 1 ? (files[0]?.file_id ?? null) : null,
    fileName: `${kindName}-${day}.pdf`,
    mime: PDF_MIME,
    bytes,
  });
}

export async function shelfEndLabels(ctx: DomainContext, unitId: number): Promise<DocumentInfo> {
  const unit = lq.listUnits(ctx.store).find((u) => u.id === unitId);
  if (!unit) throw new AppError('NOT_FOUND', '找不到所选密集架，可能已被删除。请刷新后重试。');
  const files = fq.filesOnUnit(ctx.store, unitId, null, null);
  const rows = new Map<number, ShelfEndLabel>();
  for (let row = 1; row <= unit.rows; row++) rows.set(row, { place: `${unit.room_name}-${unit.name}-${row}列`, firstNo: '', lastNo: '', communities: [] });
  for (const f of files) {
    const label = rows.get(f.row_no ?? 0);
    if (!label) continue;
    if (!label.firstNo) label.firstNo = f.archive_no;
    label.lastNo = f.archive_no;
    if (!label.communities.includes(f.community_name)) label.communities.push(f.community_name);
  }
  const bytes = await renderShelfEndLabels([...rows.values()]);
  return saveDocument(ctx, {
    kind: 'storage.label.shelfEnd',
    title: `架端标签 ${unit.room_name}${unit.name}`,
    refEntity: 'storage_unit',
    refId: unitId,
    fileName: `架端标签-${unit.name}.pdf`,
    mime: PDF_MIME,
    bytes,
  });
}
