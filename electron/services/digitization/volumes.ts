/** 卷: creating a volume for a retiree, its scheme and archive number, and the read-only rule after acceptance. */
import { isClassCode, SCHEME_LABELS, type ClassScheme } from '../../../shared/archiveClasses';
import { AppError } from '../../../shared/errors';
import type { Volume } from '../../../shared/types';
import * as iq from '../db/queries/items';
import * as pq from '../db/queries/persons';
import * as vq from '../db/queries/volumes';
import type { DomainContext } from '../domain/context';
import type { Reader } from '../store/api';
import { writeAudited } from '../domain/write';

export function requireVolume(db: Reader, id: number): Volume {
  const v = vq.volumeById(db, id);
  if (!v) throw new AppError('NOT_FOUND', '找不到该卷，可能已被删除，请刷新后重试。');
  return v;
}

/** Accepted volumes are the archive's record: their pages and item list no longer change. */
export function requireEditable(db: Reader, id: number): Volume {
  const v = requireVolume(db, id);
  if (v.status === 'accepted') {
    throw new AppError('CONFLICT', `${v.personName} 的第 ${v.volumeNo} 卷已验收，页面和卷内目录已锁定，不能再修改。`, { volumeId: id });
  }
  return v;
}

// The archive number names the export folder and every image file, so it must be a safe file name.
const FORBIDDEN_CHARS = /[\\/:*?"<>|]/;
const hasControlChar = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20);

export function normaliseArchiveNo(raw: string | null | undefined): string | null {
  const s = raw?.trim() ?? '';
  if (s === '') return null;
  if (FORBIDDEN_CHARS.test(s) || hasControlChar(s) || /^\.+$/.test(s) || s.startsWith('.')) {
    throw new AppError('VALIDATION', '档号不能包含 \\ / : * ? " < > | 等字符，也不能以“.”开头（它会用作导出的文件夹和文件名）。', { field: 'archiveNo' });
  }
  return s;
}

function checkArchiveNoFree(db: Reader, archiveNo: string | null, selfId: number): void {
  if (archiveNo === null) return;
  const other = vq.volumeByArchiveNo(db, archiveNo);
  if (other && other.id !== selfId) {
    throw new AppError('CONFLICT', `档号 ${archiveNo} 已用于 ${other.personName} 的第 ${other.volumeNo} 卷，请核对后重新填写。`, { field: 'archiveNo' });
  }
}

export function createVolume(ctx: DomainContext, input: { personId: number; scheme: ClassScheme; archiveNo: string | null }): Volume {
  const person = pq.personById(ctx.store, input.personId);
  if (!person) throw new AppError('NOT_FOUND', '找不到该人员，可能已被修改，请刷新后重试。');
  const archiveNo = normaliseArchiveNo(input.archiveNo);
  checkArchiveNoFree(ctx.store, archiveNo, 0);
  const id = writeAudited(ctx, (tx) => {
    const volumeNo = vq.nextVolumeNo(tx, person.id);
    const values = { personId: person.id, volumeNo, scheme: input.scheme, archiveNo };
    const newId = vq.insertVolume(tx, values, ctx.now().toISOString());
    return { value: newId, audit: { action: 'volume.create', entity: 'volume', entityId: newId, after: values } };
  });
  return requireVolume(ctx.store, id);
}

/**
 * Scheme and archive number. After acceptance only the archive number may still be set (it is
 * often assigned later, and an accepted volume without one could never be exported).
 */
export function updateVolume(ctx: DomainContext, input: { id: number; scheme?: ClassScheme | undefined; archiveNo?: string | null | undefined }): Volume {
  const before = requireVolume(ctx.store, input.id);
  const scheme = input.scheme ?? before.scheme;
  const archiveNo = input.archiveNo === undefined ? before.archiveNo : normaliseArchiveNo(input.archiveNo);
  if (before.status === 'accepted' && scheme !== before.scheme) requireEditable(ctx.store, input.id);
  if (scheme !== before.scheme) {
    const misfit = iq.itemsOfVolume(ctx.store, before.id).find((it) => !isClassCode(scheme, it.classCode));
    if (misfit) {
      throw new AppError(
        'CONFLICT',
        `卷内目录中「${misfit.title}」的类别 ${misfit.classCode} 不属于${SCHEME_LABELS[scheme]}。请先修改这些条目的类别，再更换分类方案。`,
        { field: 'scheme' },
      );
    }
  }
  checkArchiveNoFree(ctx.store, archiveNo, before.id);
  writeAudited(ctx, (tx) => {
    vq.updateVolume(tx, before.id, { scheme, archiveNo }, ctx.now().toISOString());
    return {
      value: null,
      audit: { action: 'volume.update', entity: 'volume', entityId: before.id, before: { scheme: before.scheme, archiveNo: before.archiveNo }, after: { scheme, archiveNo } },
    };
  });
  return requireVolume(ctx.store, before.id);
}
