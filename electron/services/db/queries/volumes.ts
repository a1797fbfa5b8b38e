/** SQL for 卷 (volumes of a retiree's file). */
import type { ClassScheme } from '../../../../shared/archiveClasses';
import type { Volume } from '../../../../shared/types';
import type { Reader, SqlValue, Tx } from '../../store/api';

interface VolumeRow {
  id: number;
  person_id: number;
  person_name: string;
  id_number: string;
  volume_no: number;
  scheme: ClassScheme;
  archive_no: string | null;
  status: Volume['status'];
  page_count: number;
  strip_count: number;
  created_at: string;
  accepted_at: string | null;
}

const SELECT = `
  SELECT v.id, v.person_id, p.name AS person_name, p.id_number, v.volume_no, v.scheme, v.archive_no, v.status,
         (SELECT count(*) FROM pages g WHERE g.volume_id = v.id AND g.deleted = 0 AND g.kind = 'page') AS page_count,
         (SELECT count(*) FROM pages g WHERE g.volume_id = v.id AND g.deleted = 0) AS strip_count,
         v.created_at, v.accepted_at
  FROM volumes v JOIN persons p ON p.id = v.person_id`;

function toVolume(r: VolumeRow): Volume {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    idNumber: r.id_number,
    volumeNo: r.volume_no,
    scheme: r.scheme,
    archiveNo: r.archive_no,
    status: r.status,
    pageCount: r.page_count,
    stripCount: r.strip_count,
    createdAt: r.created_at,
    acceptedAt: r.accepted_at,
  };
}

export function volumeById(db: Reader, id: number): Volume | undefined {
  const r = db.get<VolumeRow>(`${SELECT} WHERE v.id = ?`, [id]);
  return r && toVolume(r);
}

export function volumeByArchiveNo(db: Reader, archiveNo: string): Volume | undefined {
  const r = db.get<VolumeRow>(`${SELECT} WHERE v.archive_no = ?`, [archiveNo]);
  return r && toVolume(r);
}

export function listVolumes(db: Reader, q: { personId?: number | undefined; status?: Volume['status'] | undefined }): Volume[] {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (q.personId !== undefined) {
    where.push('v.person_id = ?');
    params.push(q.personId);
  }
  if (q.status !== undefined) {
    where.push('v.status = ?');
    params.push(q.status);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  return db.all<VolumeRow>(`${SELECT}${clause} ORDER BY v.person_id, v.volume_no`, params).map(toVolume);
}

export function nextVolumeNo(db: Reader, personId: number): number {
  return (db.get<{ n: number | null }>('SELECT max(volume_no) AS n FROM volumes WHERE person_id = ?', [personId])?.n ?? 0) + 1;
}

export function insertVolume(tx: Tx, v: { personId: number; volumeNo: number; scheme: ClassScheme; archiveNo: string | null }, at: string): number {
  return tx.run(
    `INSERT INTO volumes (person_id, volume_no, scheme, archive_no, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'scanning', ?, ?)`,
    [v.personId, v.volumeNo, v.scheme, v.archiveNo, at, at],
  ).lastInsertRowid;
}

export function updateVolume(tx: Tx, id: number, v: { scheme: ClassScheme; archiveNo: string | null }, at: string): void {
  tx.run('UPDATE volumes SET scheme = ?, archive_no = ?, updated_at = ? WHERE id = ?', [v.scheme, v.archiveNo, at, id]);
}

export function markAccepted(tx: Tx, id: number, at: string): void {
  tx.run("UPDATE volumes SET status = 'accepted', accepted_at = ?, updated_at = ? WHERE id = ?", [at, at, id]);
}
