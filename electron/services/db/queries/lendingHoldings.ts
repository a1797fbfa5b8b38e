/** SQL lending reads from the holdings: files to request, their catalogued classes, scanned pages. */
import type { LendableFile } from '../../../../shared/lendingTypes';
import type { Reader } from '../../store/api';

/** A held file as read; the request form's classes and scanned pages are added by the caller. */
export type HeldFileRow = Omit<LendableFile, 'classes' | 'digitalPages'>;

const SELECT_FILE = `SELECT f.id AS fileId, p.id AS personId, f.archive_no AS archiveNo, p.name, p.id_number AS idNumber,
  c.name AS community, f.volumes, f.pages, f.status
  FROM archive_files f JOIN persons p ON p.id = f.person_id JOIN communities c ON c.id = f.community_id`;

export function findFiles(db: Reader, query: string, limit: number): HeldFileRow[] {
  const like = `%${query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return db.all<HeldFileRow>(
    `${SELECT_FILE} WHERE p.name LIKE ? ESCAPE '\\' OR p.id_number LIKE ? ESCAPE '\\' OR f.archive_no LIKE ? ESCAPE '\\'
     ORDER BY f.archive_no LIMIT ?`,
    [like, like.toUpperCase(), like.toUpperCase(), limit],
  );
}

export function fileByArchiveNo(db: Reader, archiveNo: string): HeldFileRow | undefined {
  return db.get<HeldFileRow>(`${SELECT_FILE} WHERE f.archive_no = ? COLLATE NOCASE`, [archiveNo]);
}

export function fileById(db: Reader, fileId: number): HeldFileRow | undefined {
  return db.get<HeldFileRow>(`${SELECT_FILE} WHERE f.id = ?`, [fileId]);
}

/** Class codes catalogued for a person (item list), in code order. */
export function classesOfPerson(db: Reader, personId: number): string[] {
  return db.all<{ c: string }>('SELECT DISTINCT class_code AS c FROM item_list WHERE person_id = ? ORDER BY class_code', [personId]).map((r) => r.c);
}

export function digitalPagesOfPerson(db: Reader, personId: number): number {
  return (
    db.get<{ n: number }>('SELECT count(*) AS n FROM pages g JOIN volumes v ON v.id = g.volume_id WHERE v.person_id = ? AND g.deleted = 0', [personId])?.n ?? 0
  );
}

export interface ScannedVolume {
  volumeId: number;
  volumeNo: number;
}

export function volumesOfPerson(db: Reader, personId: number): ScannedVolume[] {
  return db.all<ScannedVolume>('SELECT id AS volumeId, volume_no AS volumeNo FROM volumes WHERE person_id = ? ORDER BY volume_no', [personId]);
}

export interface ScannedPage {
  pageId: number;
  volumeId: number;
  position: number;
  printedNumber: number | null;
  imageBlob: string;
  width: number;
  height: number;
  dpi: number;
}

export function livePagesOfVolume(db: Reader, volumeId: number): ScannedPage[] {
  return db.all<ScannedPage>(
    `SELECT id AS pageId, volume_id AS volumeId, position, printed_number AS printedNumber, image_blob AS imageBlob, width, height, dpi
     FROM pages WHERE volume_id = ? AND deleted = 0 ORDER BY position`,
    [volumeId],
  );
}

export interface ItemStart {
  classCode: string;
  itemNo: number;
  startPageId: number | null;
}

export function itemStartsOfVolume(db: Reader, volumeId: number): ItemStart[] {
  return db.all<ItemStart>('SELECT class_code AS classCode, item_no AS itemNo, start_page_id AS startPageId FROM item_list WHERE volume_id = ?', [
    volumeId,
  ]);
}
