/**
 * Generated documents kept in the workspace: encrypted bytes in the blob store, a row with the
 * SHA-256 so a reprint is provably the same document. Every save and every fetch is audited.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { DocumentInfo } from '../../../shared/types';
import * as q from '../db/queries/documents';
import type { Tx } from '../store/api';
import type { DomainContext } from './context';
import { writeAudited } from './write';

/** What a caller hands over; size, hash, time and author are filled in when it is stored. */
export type NewDocument = Pick<DocumentInfo, 'kind' | 'title' | 'refEntity' | 'refId' | 'fileName' | 'mime'> & { bytes: Uint8Array };

export const PDF_MIME = 'application/pdf';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Puts the bytes in the blob store and returns a function that records the row inside the caller's
 * transaction, so a document and the change it documents commit together. If the transaction
 * fails the orphan blob is removed.
 */
export function stageDocument(ctx: DomainContext, d: NewDocument): { record: (tx: Tx) => DocumentInfo; discard: () => void } {
  const blob = ctx.store.blobs.put(d.bytes);
  const sha256 = createHash('sha256').update(d.bytes).digest('hex');
  return {
    record: (tx) => {
      const info: Omit<DocumentInfo, 'id'> = {
        kind: d.kind,
        title: d.title,
        refEntity: d.refEntity,
        refId: d.refId,
        fileName: d.fileName,
        mime: d.mime,
        bytes: d.bytes.byteLength,
        sha256,
        createdAt: ctx.now().toISOString(),
        createdBy: ctx.actor.userName,
      };
      return { id: q.insertDocument(tx, { ...info, blob }), ...info };
    },
    discard: () => ctx.store.blobs.delete(blob),
  };
}

/** Stores one document on its own (with its own audit entry). */
export function saveDocument(ctx: DomainContext, d: NewDocument): DocumentInfo {
  const staged = stageDocument(ctx, d);
  try {
    return writeAudited(ctx, (tx) => {
      const info = staged.record(tx);
      return { value: info, audit: { action: 'document.create', entity: 'document', entityId: info.id, after: { kind: info.kind, title: info.title, sha256: info.sha256 } } };
    });
  } catch (e) {
    staged.discard();
    throw e;
  }
}

/** The stored bytes, checked against the recorded hash (a changed blob is an integrity error). */
export function readDocument(ctx: DomainContext, id: number): { info: DocumentInfo; bytes: Buffer } {
  const row = q.documentById(ctx.store, id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该文档，可能已被删除。请刷新后重试。');
  const bytes = ctx.store.blobs.get(row.blob);
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError('INTEGRITY', `文档「${row.title}」的内容与登记的校验值不一致，可能已损坏。请运行完整性检查。`);
  }
  const { blob: _blob, ...info } = row;
  return { info, bytes };
}

/** Writes a copy where the user chose (an export on purpose: the only unencrypted write). */
export function exportDocument(ctx: DomainContext, id: number, to: string): { file: string } {
  const { info, bytes } = readDocument(ctx, id);
  const target = fs.existsSync(to) && fs.statSync(to).isDirectory() ? path.join(to, info.fileName) : to;
  if (fs.existsSync(target)) throw new AppError('CONFLICT', `文件 ${target} 已存在。请换一个文件名或位置。`);
  const tmp = `${target}.part`;
  fs.writeFileSync(tmp, bytes, { flag: 'wx' });
  fs.renameSync(tmp, target);
  writeAudited(ctx, () => ({ value: null, audit: { action: 'document.export', entity: 'document', entityId: id, after: { file: target } } }));
  return { file: target };
}
