/**
 * SQL for the page strip of a volume. `position` is 1-based among live (not deleted) pages; every
 * statement that inserts, deletes or moves a page shifts its neighbours in the same transaction.
 */
import type { PageKind } from '../../../../shared/pageCounting';
import type { PageInfo } from '../../../../shared/types';
import type { Reader, Tx } from '../../store/api';

interface PageRow {
  id: number;
  volume_id: number;
  position: number;
  source: string;
  kind: PageKind;
  image_blob: string;
  thumb_blob: string;
  original_blob: string | null;
  ocr_blob: string | null;
  text_pdf_blob: string | null;
  sha256: string;
  width: number;
  height: number;
  dpi: number;
  rotation: PageInfo['rotation'];
  skew: number;
  colour: number;
  printed_number: number | null;
  printed_number_set: number;
  steps_json: string;
  ocr_state: PageInfo['ocr'];
  ocr_confidence: number | null;
  deleted: number;
}

/** A page as the services see it: the renderer's PageInfo plus blob ids and the transforms applied. */
export interface PageRecord extends Omit<PageInfo, 'cropped'> {
  imageBlob: string;
  thumbBlob: string;
  originalBlob: string | null;
  ocrBlob: string | null;
  textPdfBlob: string | null;
  /** The clerk typed the printed number: OCR must not overwrite it. */
  printedNumberSet: boolean;
  stepsJson: string;
  deleted: boolean;
}

const SELECT = `SELECT id, volume_id, position, source, kind, image_blob, thumb_blob, original_blob, ocr_blob, text_pdf_blob,
  sha256, width, height, dpi, rotation, skew, colour, printed_number, printed_number_set, steps_json, ocr_state, ocr_confidence, deleted
  FROM pages`;

function toRecord(r: PageRow): PageRecord {
  return {
    id: r.id,
    volumeId: r.volume_id,
    position: r.position,
    source: r.source,
    kind: r.kind,
    width: r.width,
    height: r.height,
    dpi: r.dpi,
    rotation: r.rotation,
    skewDegrees: r.skew,
    colour: r.colour === 1,
    printedNumber: r.printed_number,
    sha256: r.sha256,
    hasOriginal: r.original_blob !== null,
    ocr: r.ocr_state,
    ocrConfidence: r.ocr_confidence,
    imageBlob: r.image_blob,
    thumbBlob: r.thumb_blob,
    originalBlob: r.original_blob,
    ocrBlob: r.ocr_blob,
    textPdfBlob: r.text_pdf_blob,
    printedNumberSet: r.printed_number_set === 1,
    stepsJson: r.steps_json,
    deleted: r.deleted === 1,
  };
}

/** Whether the recorded processing steps cropped the borders (imaging/steps.ts's `crop` step). */
function croppedIn(stepsJson: string): boolean {
  try {
    const steps = JSON.parse(stepsJson) as unknown;
    return Array.isArray(steps) && steps.some((s) => typeof s === 'object' && s !== null && (s as { op?: unknown }).op === 'crop' && (s as { enabled?: unknown }).enabled === true);
  } catch {
    return false;
  }
}

/** The renderer's view of a page (no blob ids). */
export function toPageInfo(p: PageRecord): PageInfo {
  return {
    id: p.id,
    volumeId: p.volumeId,
    position: p.position,
    source: p.source,
    kind: p.kind,
    width: p.width,
    height: p.height,
    dpi: p.dpi,
    rotation: p.rotation,
    skewDegrees: p.skewDegrees,
    cropped: croppedIn(p.stepsJson),
    colour: p.colour,
    printedNumber: p.printedNumber,
    sha256: p.sha256,
    hasOriginal: p.hasOriginal,
    ocr: p.ocr,
    ocrConfidence: p.ocrConfidence,
  };
}

export function pageById(db: Reader, id: number): PageRecord | undefined {
  const r = db.get<PageRow>(`${SELECT} WHERE id = ?`, [id]);
  return r && toRecord(r);
}

/** Live pages of a volume in strip order. */
export function livePages(db: Reader, volumeId: number): PageRecord[] {
  return db.all<PageRow>(`${SELECT} WHERE volume_id = ? AND deleted = 0 ORDER BY position, id`, [volumeId]).map(toRecord);
}

export function liveCount(db: Reader, volumeId: number): number {
  return db.get<{ n: number }>('SELECT count(*) AS n FROM pages WHERE volume_id = ? AND deleted = 0', [volumeId])?.n ?? 0;
}

export function pagesWithOcrState(db: Reader, state: PageInfo['ocr'], volumeId?: number): PageRecord[] {
  return volumeId === undefined
    ? db.all<PageRow>(`${SELECT} WHERE ocr_state = ? AND deleted = 0 ORDER BY volume_id, position`, [state]).map(toRecord)
    : db.all<PageRow>(`${SELECT} WHERE ocr_state = ? AND deleted = 0 AND volume_id = ? ORDER BY position`, [state, volumeId]).map(toRecord);
}

export interface NewPage {
  volumeId: number;
  position: number;
  source: string;
  kind: PageKind;
  imageBlob: string;
  thumbBlob: string;
  originalBlob: string | null;
  sha256: string;
  width: number;
  height: number;
  dpi: number;
  rotation: PageInfo['rotation'];
  skewDegrees: number;
  colour: boolean;
  stepsJson: string;
  ocr: PageInfo['ocr'];
}

/** Inserts a page at `position` (1..live+1), shifting later pages down by one. */
export function insertPage(tx: Tx, p: NewPage, at: string): number {
  tx.run('UPDATE pages SET position = position + 1 WHERE volume_id = ? AND deleted = 0 AND position >= ?', [p.volumeId, p.position]);
  return tx.run(
    `INSERT INTO pages (volume_id, position, source, kind, image_blob, thumb_blob, original_blob, sha256, width, height, dpi,
       rotation, skew, colour, steps_json, ocr_state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [p.volumeId, p.position, p.source, p.kind, p.imageBlob, p.thumbBlob, p.originalBlob, p.sha256, p.width, p.height, p.dpi,
      p.rotation, p.skewDegrees, p.colour ? 1 : 0, p.stepsJson, p.ocr, at, at],
  ).lastInsertRowid;
}

/** Soft delete: the row keeps its old position (for undo); later live pages move up. */
export function softDeletePage(tx: Tx, p: { id: number; volumeId: number; position: number }, at: string): void {
  tx.run('UPDATE pages SET deleted = 1, updated_at = ? WHERE id = ?', [at, p.id]);
  tx.run('UPDATE pages SET position = position - 1 WHERE volume_id = ? AND deleted = 0 AND position > ?', [p.volumeId, p.position]);
}

/** Brings a soft-deleted page back at `position`, shifting later pages down. */
export function restorePage(tx: Tx, p: { id: number; volumeId: number }, position: number, at: string): void {
  tx.run('UPDATE pages SET position = position + 1 WHERE volume_id = ? AND deleted = 0 AND position >= ?', [p.volumeId, position]);
  tx.run('UPDATE pages SET deleted = 0, position = ?, updated_at = ? WHERE id = ?', [position, at, p.id]);
}

/** Moves a live page from one position to another, shifting the pages in between. */
export function movePage(tx: Tx, p: { id: number; volumeId: number; position: number }, to: number, at: string): void {
  if (to === p.position) return;
  if (to > p.position) {
    tx.run('UPDATE pages SET position = position - 1 WHERE volume_id = ? AND deleted = 0 AND position > ? AND position <= ?', [p.volumeId, p.position, to]);
  } else {
    tx.run('UPDATE pages SET position = position + 1 WHERE volume_id = ? AND deleted = 0 AND position >= ? AND position < ?', [p.volumeId, to, p.position]);
  }
  tx.run('UPDATE pages SET position = ?, updated_at = ? WHERE id = ?', [to, at, p.id]);
}

export function setKind(tx: Tx, id: number, kind: PageKind, at: string): void {
  tx.run('UPDATE pages SET kind = ?, updated_at = ? WHERE id = ?', [kind, at, id]);
}

/** A number typed by the clerk (set = true), or back to what OCR read (set = false; `n` is then ignored). */
export function setPrintedNumber(tx: Tx, id: number, n: number | null, set: boolean, at: string): void {
  tx.run('UPDATE pages SET printed_number = CASE WHEN ?1 = 1 THEN ?2 ELSE ocr_number END, printed_number_set = ?1, updated_at = ?3 WHERE id = ?4', [
    set ? 1 : 0,
    n,
    at,
    id,
  ]);
}

export interface ImageValues {
  imageBlob: string;
  thumbBlob: string;
  sha256: string;
  width: number;
  height: number;
  dpi: number;
  rotation: PageInfo['rotation'];
  skewDegrees: number;
  colour: boolean;
  stepsJson: string;
  ocrBlob: string | null;
  textPdfBlob: string | null;
  ocr: PageInfo['ocr'];
  ocrConfidence: number | null;
}

/** Replaces the processed image (rotate / reprocess, or undoing one) together with its OCR state. */
export function updateImage(tx: Tx, id: number, v: ImageValues, at: string): void {
  tx.run(
    `UPDATE pages SET image_blob = ?, thumb_blob = ?, sha256 = ?, width = ?, height = ?, dpi = ?, rotation = ?, skew = ?, colour = ?,
       steps_json = ?, ocr_blob = ?, text_pdf_blob = ?, ocr_state = ?, ocr_confidence = ?, updated_at = ? WHERE id = ?`,
    [v.imageBlob, v.thumbBlob, v.sha256, v.width, v.height, v.dpi, v.rotation, v.skewDegrees, v.colour ? 1 : 0, v.stepsJson,
      v.ocrBlob, v.textPdfBlob, v.ocr, v.ocrConfidence, at, id],
  );
}

/** Stores an OCR result; the printed number is only filled where the clerk has not typed one. */
export function setOcrResult(
  tx: Tx,
  id: number,
  r: { state: PageInfo['ocr']; confidence: number | null; ocrBlob: string | null; textPdfBlob: string | null; printedNumber: number | null },
  at: string,
): void {
  tx.run(
    `UPDATE pages SET ocr_state = ?1, ocr_confidence = ?2, ocr_blob = ?3, text_pdf_blob = ?4,
       ocr_number = ?5, printed_number = CASE WHEN printed_number_set = 1 THEN printed_number ELSE ?5 END, updated_at = ?6 WHERE id = ?7`,
    [r.state, r.confidence, r.ocrBlob, r.textPdfBlob, r.printedNumber, at, id],
  );
}

/** Accepting a volume: originals are no longer kept. Returns the blob ids that were dropped. */
export function dropOriginals(tx: Tx, volumeId: number, at: string): string[] {
  const ids = tx
    .all<{ b: string }>('SELECT original_blob AS b FROM pages WHERE volume_id = ? AND original_blob IS NOT NULL', [volumeId])
    .map((r) => r.b);
  tx.run('UPDATE pages SET original_blob = NULL, updated_at = ? WHERE volume_id = ? AND original_blob IS NOT NULL', [at, volumeId]);
  return ids;
}

/** Accepting a volume: deleted pages can no longer be undone, so their rows go. Returns their blob ids. */
export function purgeDeleted(tx: Tx, volumeId: number): string[] {
  const rows = tx.all<PageRow>(`${SELECT} WHERE volume_id = ? AND deleted = 1`, [volumeId]).map(toRecord);
  tx.run('UPDATE item_list SET start_page_id = NULL WHERE start_page_id IN (SELECT id FROM pages WHERE volume_id = ? AND deleted = 1)', [volumeId]);
  tx.run('DELETE FROM pages WHERE volume_id = ? AND deleted = 1', [volumeId]);
  return rows.flatMap((p) => [p.imageBlob, p.thumbBlob, p.originalBlob, p.ocrBlob, p.textPdfBlob]).filter((b): b is string => b !== null);
}

/**
 * Blobs are shared by content (equal files are stored once), so one is only deleted when no page
 * row names it and no other volume keeps it for an undo.
 */
export function blobInUse(db: Reader, blobId: string): boolean {
  return (
    db.get<{ n: number }>(
      `SELECT (SELECT count(*) FROM pages WHERE image_blob = ?1 OR thumb_blob = ?1 OR original_blob = ?1 OR ocr_blob = ?1 OR text_pdf_blob = ?1)
            + (SELECT count(*) FROM retired_blobs WHERE blob_id = ?1) AS n`,
      [blobId],
    )?.n ?? 0
  ) > 0;
}

export function retireBlobs(tx: Tx, volumeId: number, blobIds: readonly string[]): void {
  for (const b of blobIds) tx.run('INSERT INTO retired_blobs (volume_id, blob_id) VALUES (?, ?)', [volumeId, b]);
}

/** Forgets the retired blobs of a volume and returns them (for deletion once nothing names them). */
export function takeRetiredBlobs(tx: Tx, volumeId: number): string[] {
  const ids = tx.all<{ b: string }>('SELECT DISTINCT blob_id AS b FROM retired_blobs WHERE volume_id = ? ORDER BY blob_id', [volumeId]).map((r) => r.b);
  tx.run('DELETE FROM retired_blobs WHERE volume_id = ?', [volumeId]);
  return ids;
}

/** A page that was skipped by OCR (blank) and is now a counted page needs recognising. */
export function markOcrPending(tx: Tx, id: number, at: string): void {
  tx.run("UPDATE pages SET ocr_state = 'pending', updated_at = ? WHERE id = ? AND ocr_state = 'skipped'", [at, id]);
}

/** The live page at a position of a volume, if any. */
export function pageAt(db: Reader, volumeId: number, position: number): PageRecord | undefined {
  const r = db.get<PageRow>(`${SELECT} WHERE volume_id = ? AND deleted = 0 AND position = ?`, [volumeId, position]);
  return r && toRecord(r);
}
