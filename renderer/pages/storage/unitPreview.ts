/**
 * 新建密集架: what the one form will create before it is sent — shelf count and capacity — and the
 * field problems in Chinese, so the clerk sees "720 层，约 21,600 卷" while typing.
 */
import type { ShelvingUnit, UnitSpec } from '../../../shared/storageTypes';

export interface UnitDraft {
  name: string;
  rows: string;
  sections: string;
  shelves: string;
  sides: 'A' | 'AB';
  /** 'width': usable width per shelf in mm; 'volumes': capacity per shelf in volumes. */
  measure: 'width' | 'volumes';
  widthMm: string;
  capacityVolumes: string;
}

export const EMPTY_UNIT: UnitDraft = { name: '', rows: '', sections: '', shelves: '', sides: 'AB', measure: 'width', widthMm: '900', capacityVolumes: '' };

export interface UnitPreview {
  shelfCount: number;
  /** Per shelf, volumes (from width ÷ thickness when measured in mm). */
  volumesPerShelf: number;
  totalVolumes: number;
  /** Total usable shelf length, metres. */
  totalMetres: number;
}

export interface UnitCheck {
  errors: Partial<Record<keyof UnitDraft, string>>;
  preview: UnitPreview | null;
  /** The unitCreate input once there are no errors. */
  input: UnitSpec | null;
}

/** A whole number from what was typed (full-width digits accepted), or null. */
export function parseWhole(text: string): number | null {
  const t = toHalfWidth(text).trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

/** A positive decimal (e.g. 900 or 37.5), or null. */
export function parseDecimal(text: string): number | null {
  const t = toHalfWidth(text).trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function whole(text: string, label: string, max: number): { value: number | null; error?: string } {
  if (!text.trim()) return { value: null, error: `请填写${label}` };
  const v = parseWhole(text);
  if (v === null) return { value: null, error: `${label}应为整数` };
  if (v < 1) return { value: null, error: `${label}至少为 1` };
  if (v > max) return { value: null, error: `${label}不能超过 ${max}` };
  return { value: v };
}

/** Mirrors the contract's limits so the clerk is told before sending; the core checks again. */
export function checkUnit(d: UnitDraft, thicknessMm: number): UnitCheck {
  const errors: UnitCheck['errors'] = {};
  const name = d.name.trim();
  if (!name) errors.name = '请填写密集架名称，如「1号密集架」';
  else if ([...name].length > 30) errors.name = '密集架名称不能超过 30 个字';
  const rows = whole(d.rows, '列数', 200);
  const sections = whole(d.sections, '节数', 50);
  const shelves = whole(d.shelves, '层数', 20);
  if (rows.error) errors.rows = rows.error;
  if (sections.error) errors.sections = sections.error;
  if (shelves.error) errors.shelves = shelves.error;
  let widthMm: number | null = null;
  let capacity: number | null = null;
  if (d.measure === 'width') {
    const w = d.widthMm.trim() ? parseDecimal(d.widthMm) : null;
    if (!d.widthMm.trim()) errors.widthMm = '请填写每层可用宽度（mm），常见 A4 密集架为 900 mm';
    else if (w === null || w < 1) errors.widthMm = '每层可用宽度应为大于 0 的数字（mm）';
    else if (w > 5000) errors.widthMm = '单层宽度不能超过 5000 mm';
    else if (w < thicknessMm) errors.widthMm = `每层宽度 ${w} mm 小于一卷档案的厚度（${thicknessMm} mm），放不下任何档案`;
    else widthMm = w;
  } else {
    const c = whole(d.capacityVolumes, '每层容量（卷）', 1000);
    if (c.error) errors.capacityVolumes = c.error;
    else capacity = c.value;
  }
  const ok = Object.keys(errors).length === 0 && rows.value !== null && sections.value !== null && shelves.value !== null;
  const preview = rows.value !== null && sections.value !== null && shelves.value !== null && (widthMm !== null || capacity !== null) ? unitPreview(rows.value, sections.value, shelves.value, d.sides, widthMm, capacity, thicknessMm) : null;
  return {
    errors,
    preview,
    input: ok ? { name, rows: rows.value!, sections: sections.value!, shelves: shelves.value!, sides: d.sides, shelfWidthMm: widthMm, shelfCapacityVolumes: capacity } : null,
  };
}

export function unitPreview(rows: number, sections: number, shelves: number, sides: 'A' | 'AB', widthMm: number | null, capacityVolumes: number | null, thicknessMm: number): UnitPreview {
  const shelfCount = rows * sections * shelves * (sides === 'AB' ? 2 : 1);
  const t = thicknessMm > 0 ? thicknessMm : 1;
  const volumesPerShelf = capacityVolumes ?? Math.floor((widthMm ?? 0) / t);
  const metresPerShelf = widthMm !== null ? widthMm / 1000 : (volumesPerShelf * t) / 1000;
  return { shelfCount, volumesPerShelf, totalVolumes: shelfCount * volumesPerShelf, totalMetres: Math.round(shelfCount * metresPerShelf * 10) / 10 };
}

/** "12 列 × 6 节 × 5 层 × 2 面 = 720 层，每层约 30 卷，共约 21,600 卷（648 米）". */
export function previewText(rows: number, sections: number, shelves: number, sides: 'A' | 'AB', p: UnitPreview, measuredInMm: boolean): string {
  const approx = measuredInMm ? '约 ' : '';
  return `${rows} 列 × ${sections} 节 × ${shelves} 层 × ${sides === 'AB' ? 2 : 1} 面 = ${p.shelfCount.toLocaleString('en-US')} 层，每层${approx}${p.volumesPerShelf} 卷，共${approx}${p.totalVolumes.toLocaleString('en-US')} 卷（${p.totalMetres} 米）`;
}

/** "1号密集架", "2号密集架"…: the next number not used in the room. */
export function nextUnitName(units: Pick<ShelvingUnit, 'name'>[]): string {
  const used = new Set(units.map((u) => u.name));
  let n = units.length + 1;
  while (used.has(`${n}号密集架`)) n++;
  return `${n}号密集架`;
}

