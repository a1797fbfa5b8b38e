/** Rooms and shelving units: create a whole unit from one form (every shelf generated), delete only when empty. */
import { AppError } from '../../../../shared/errors';
import type { Room, RoomKind, ShelvingUnit, Side, UnitSpec } from '../../../../shared/storageTypes';
import * as q from '../../db/queries/storageLayout';
import * as sq from '../../db/queries/storageStocktake';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { writeAudited } from '../write';
import { readStorageSettings } from './settings';

export function toUnit(u: q.UnitRow): ShelvingUnit {
  return {
    id: u.id,
    roomId: u.room_id,
    roomName: u.room_name,
    name: u.name,
    rows: u.rows ?? 0,
    sections: u.sections ?? 0,
    shelves: u.shelves ?? 0,
    sides: (u.sides ?? '').split(',').filter((s): s is Side => s === 'A' || s === 'B').sort(),
    shelfWidthMm: u.width_mm,
    shelfCapacityVolumes: u.capacity_volumes,
    shelfCount: u.shelf_count,
    fileCount: u.file_count,
  };
}

export function saveRoom(ctx: DomainContext, x: { id?: number | undefined; name: string; kind: RoomKind; areaM2: number; note: string }): Room {
  return writeAudited(ctx, (tx) => {
    const clash = q.roomByName(tx, x.name);
    if (clash && clash.id !== x.id) throw new AppError('CONFLICT', `已有名为“${x.name}”的房间，请换一个名称。`);
    if (x.id === undefined) {
      const id = q.insertRoom(tx, x);
      const room = q.roomById(tx, id) as Room;
      return { value: room, audit: { action: 'storage.room.add', entity: 'storage_room', entityId: id, after: room } };
    }
    const before = q.roomById(tx, x.id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该房间，可能已被删除。请刷新后重试。');
    q.updateRoom(tx, x.id, x);
    const after = q.roomById(tx, x.id) as Room;
    return { value: after, audit: { action: 'storage.room.update', entity: 'storage_room', entityId: x.id, before, after } };
  });
}

export function deleteRoom(ctx: DomainContext, id: number): null {
  return writeAudited(ctx, (tx) => {
    const before = q.roomById(tx, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该房间，可能已被删除。请刷新后重试。');
    if (before.unitCount > 0) throw new AppError('CONFLICT', `“${before.name}”里还有 ${before.unitCount} 组密集架，请先删除密集架再删除房间。`);
    q.deleteRoom(tx, id);
    return { value: null, audit: { action: 'storage.room.delete', entity: 'storage_room', entityId: id, before } };
  });
}

/** A shelf must hold at least one file of default thickness, else nothing could ever go on it. */
export function checkShelfSize(r: Reader, widthMm: number | null, capacityVolumes: number | null): string | null {
  const thick = readStorageSettings(r).defaultVolumeThicknessMm;
  if (widthMm !== null && widthMm < thick) return `每层可用宽度 ${widthMm} mm 比一卷档案的默认厚度（${thick} mm）还窄，放不下任何档案。请核对宽度（常见 A4 架每层约 900 mm）。`;
  if (capacityVolumes !== null && capacityVolumes < 1) return '每层容量至少 1 卷。';
  return null;
}

export interface UnitForm extends UnitSpec {
  roomId: number;
}

export function createUnit(ctx: DomainContext, f: UnitForm): ShelvingUnit {
  return writeAudited(ctx, (tx) => {
    const room = q.roomById(tx, f.roomId);
    if (!room) throw new AppError('NOT_FOUND', '找不到所选房间，可能已被删除。请刷新后重试。');
    if (room.kind !== 'storage') throw new AppError('VALIDATION', `“${room.name}”不是库房，密集架只能建在库房里。`);
    if (q.unitByName(tx, f.roomId, f.name)) throw new AppError('CONFLICT', `“${room.name}”里已有名为“${f.name}”的密集架，请换一个名称。`);
    const bad = checkShelfSize(tx, f.shelfWidthMm, f.shelfCapacityVolumes);
    if (bad) throw new AppError('VALIDATION', bad);
    const unitId = q.insertUnit(tx, f.roomId, f.name);
    const sides: Side[] = f.sides === 'AB' ? ['A', 'B'] : ['A'];
    const shelves: q.NewShelf[] = [];
    for (let row = 1; row <= f.rows; row++)
      for (const side of sides)
        for (let section = 1; section <= f.sections; section++)
          for (let level = 1; level <= f.shelves; level++) shelves.push({ row, section, level, side, widthMm: f.shelfWidthMm, capacityVolumes: f.shelfCapacityVolumes });
    q.insertShelves(tx, unitId, shelves);
    const unit = toUnit(q.listUnits(tx, f.roomId).find((u) => u.id === unitId) as q.UnitRow);
    return { value: unit, audit: { action: 'storage.unit.add', entity: 'storage_unit', entityId: unitId, after: { ...f, shelves: shelves.length } } };
  });
}

export function deleteUnit(ctx: DomainContext, id: number): null {
  return writeAudited(ctx, (tx) => {
    const unit = q.listUnits(tx).find((u) => u.id === id);
    if (!unit) throw new AppError('NOT_FOUND', '找不到该密集架，可能已被删除。请刷新后重试。');
    if (unit.file_count > 0) throw new AppError('CONFLICT', `“${unit.name}”上还有 ${unit.file_count} 份档案，请先移走档案再删除。`);
    if (sq.unitStocktakes(tx, id) > 0) throw new AppError('CONFLICT', `“${unit.name}”已有盘点记录，不能删除（盘点记录需要保留）。`);
    q.deleteUnit(tx, id);
    return { value: null, audit: { action: 'storage.unit.delete', entity: 'storage_unit', entityId: id, before: toUnit(unit) } };
  });
}
