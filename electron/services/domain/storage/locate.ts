/** Locate a file by archive number, ID number or name: its exact place and whether it is on the shelf. */
import { FILE_STATUS_LABEL, type LocateHit } from '../../../../shared/storageTypes';
import * as q from '../../db/queries/storageFind';
import type { Reader } from '../../store/api';
import { placeLabel, shelfLabel } from './places';

export function toHit(x: q.FoundRow): LocateHit {
  const placed = x.shelf_id !== null && x.room_id !== null && x.unit_id !== null && x.row_no !== null && x.section_no !== null && x.level_no !== null && x.side !== null;
  return {
    fileId: x.file_id,
    archiveNo: x.archive_no,
    personId: x.person_id,
    name: x.name,
    idNumber: x.id_number,
    communityId: x.community_id,
    communityName: x.community_name,
    volumes: x.volumes,
    status: x.status,
    statusLabel: FILE_STATUS_LABEL[x.status],
    place: placed
      ? {
          roomId: x.room_id ?? 0,
          roomName: x.room_name ?? '',
          unitId: x.unit_id ?? 0,
          unitName: x.unit_name ?? '',
          shelfId: x.shelf_id ?? 0,
          row: x.row_no ?? 0,
          section: x.section_no ?? 0,
          level: x.level_no ?? 0,
          side: x.side ?? 'A',
          position: x.position,
          label: placeLabel(shelfLabel({ room_name: x.room_name ?? '', unit_name: x.unit_name ?? '', room_units: x.room_units, row_no: x.row_no ?? 0, section_no: x.section_no ?? 0, level_no: x.level_no ?? 0, side: x.side ?? 'A' }), x.position),
        }
      : null,
  };
}

const ID_NUMBER = /^\d{17}[\dXx]$/;

export function locate(r: Reader, input: { query: string; by: 'auto' | 'archiveNo' | 'idNumber' | 'name'; limit: number }): LocateHit[] {
  const text = input.query.trim();
  const by = input.by;
  if (by === 'archiveNo') return [q.byArchiveNo(r, text)].filter((x) => x !== undefined).map(toHit);
  if (by === 'idNumber') return q.byIdNumber(r, text.toUpperCase()).map(toHit);
  if (by === 'name') return q.byName(r, text, input.limit).map(toHit);
  if (ID_NUMBER.test(text)) return q.byIdNumber(r, text.toUpperCase()).map(toHit);
  const exact = q.byArchiveNo(r, text) ?? q.byArchiveNo(r, text.toUpperCase());
  if (exact) return [toHit(exact)];
  return q.byName(r, text, input.limit).map(toHit);
}
