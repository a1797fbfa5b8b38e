/**
 * SQL for the item list (卷内目录). `item_no` and `pages` are stored copies of what
 * shared/pageCounting.ts computes from the strip; the domain refreshes them whenever the strip or
 * the list changes, so readers outside the digitization services see current values.
 */
import type { Reader, Tx } from '../../store/api';

export interface ItemRow {
  id: number;
  volumeId: number;
  startPageId: number | null;
  classCode: string;
  itemNo: number;
  title: string;
  formedOn: string | null;
  pages: number;
  note: string;
}

const SELECT = `SELECT id, volume_id AS volumeId, start_page_id AS startPageId, class_code AS classCode, item_no AS itemNo,
  title, formed_on AS formedOn, pages, note FROM item_list`;

export function itemsOfVolume(db: Reader, volumeId: number): ItemRow[] {
  return db.all<ItemRow>(`${SELECT} WHERE volume_id = ? ORDER BY id`, [volumeId]);
}

export function itemById(db: Reader, id: number): ItemRow | undefined {
  return db.get<ItemRow>(`${SELECT} WHERE id = ?`, [id]);
}

export function itemStartingAt(db: Reader, pageId: number): ItemRow | undefined {
  return db.get<ItemRow>(`${SELECT} WHERE start_page_id = ?`, [pageId]);
}

export interface ItemValues {
  startPageId: number;
  classCode: string;
  title: string;
  formedOn: string | null;
  note: string;
}

export function insertItem(tx: Tx, v: ItemValues & { volumeId: number; personId: number; volumeNo: number }): number {
  return tx.run(
    `INSERT INTO item_list (person_id, volume_no, volume_id, start_page_id, class_code, item_no, title, formed_on, pages, note)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, 0, ?)`,
    [v.personId, v.volumeNo, v.volumeId, v.startPageId, v.classCode, v.title, v.formedOn, v.note],
  ).lastInsertRowid;
}

export function updateItem(tx: Tx, id: number, v: ItemValues): void {
  tx.run('UPDATE item_list SET start_page_id = ?, class_code = ?, title = ?, formed_on = ?, note = ? WHERE id = ?', [
    v.startPageId,
    v.classCode,
    v.title,
    v.formedOn,
    v.note,
    id,
  ]);
}

export function deleteItem(tx: Tx, id: number): void {
  tx.run('DELETE FROM item_list WHERE id = ?', [id]);
}

export function setComputed(tx: Tx, id: number, itemNo: number, pages: number): void {
  tx.run('UPDATE item_list SET item_no = ?, pages = ? WHERE id = ? AND (item_no <> ? OR pages <> ?)', [itemNo, pages, id, itemNo, pages]);
}

export function setStartPage(tx: Tx, id: number, startPageId: number): void {
  tx.run('UPDATE item_list SET start_page_id = ? WHERE id = ?', [startPageId, id]);
}
