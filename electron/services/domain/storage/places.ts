/** How a shelf and a place are written for the clerk: 库房-列-节-层-面(-位). */
import type { ShelfPlaceRow } from '../../db/queries/storagePlaces';

export function shelfLabel(s: Pick<ShelfPlaceRow, 'room_name' | 'unit_name' | 'room_units' | 'row_no' | 'section_no' | 'level_no' | 'side'>): string {
  // The unit is named only where a room holds more than one, so the common case reads as the standard form.
  const unit = s.room_units > 1 ? `${s.unit_name}-` : '';
  return `${s.room_name}-${unit}${s.row_no}列-${s.section_no}节-${s.level_no}层-${s.side}面`;
}

export function placeLabel(shelf: string, position: number): string {
  return `${shelf}-${position}位`;
}

/** Effective capacity of a shelf in mm: its width, or its volume count at the default thickness. */
export function capacityMm(s: { width_mm: number | null; capacity_volumes: number | null }, defaultVolumeMm: number): number {
  return s.width_mm ?? (s.capacity_volumes ?? 0) * defaultVolumeMm;
}

/** Space a file takes: measured at intake, else volumes × the default per volume. */
export function fileWidthMm(f: { thickness_mm: number; volumes: number }, defaultVolumeMm: number): number {
  return f.thickness_mm > 0 ? f.thickness_mm : f.volumes * defaultVolumeMm;
}
