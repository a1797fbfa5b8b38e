/** SQL for generated documents (the bytes live in the blob store; a row holds the blob id and hash). */
import type { DocumentInfo } from '../../../../shared/types';
import type { Reader, Tx } from '../../store/api';

interface DocumentRow {
  id: number;
  kind: string;
  title: string;
  ref_entity: string;
  ref_id: number | null;
  blob: string;
  sha256: string;
  mime: string;
  file_name: string;
  bytes: number;
  created_at: string;
  created_by: string;
}

const SELECT = 'SELECT id, kind, title, ref_entity, ref_id, blob, sha256, mime, file_name, bytes, created_at, created_by FROM documents';

function toInfo(r: DocumentRow): DocumentInfo {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    refEntity: r.ref_entity,
    refId: r.ref_id,
    fileName: r.file_name,
    mime: r.mime,
    bytes: r.bytes,
    sha256: r.sha256,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export function insertDocument(tx: Tx, d: Omit<DocumentInfo, 'id'> & { blob: string }): number {
  return tx.run(
    'INSERT INTO documents (kind, title, ref_entity, ref_id, blob, sha256, mime, file_name, bytes, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
    [d.kind, d.title, d.refEntity, d.refId, d.blob, d.sha256, d.mime, d.fileName, d.bytes, d.createdAt, d.createdBy],
  ).lastInsertRowid;
}

export function documentById(db: Reader, id: number): (DocumentInfo & { blob: string }) | undefined {
  const r = db.get<DocumentRow>(`${SELECT} WHERE id = ?`, [id]);
  return r ? { ...toInfo(r), blob: r.blob } : undefined;
}

export function listDocuments(db: Reader, filter: { refEntity?: string | undefined; refId?: number | undefined; kind?: string | undefined }): DocumentInfo[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  add('ref_entity = ?', filter.refEntity);
  add('ref_id = ?', filter.refId);
  add('kind = ?', filter.kind);
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT 500`;
  return db.all<DocumentRow>(sql, params).map(toInfo);
}
