/** The label sheet grid as typed: each field within the contract's limits, and the whole grid on A4. */
import type { LabelGridSetting } from '../../../../shared/storageTypes';
import { parseDecimal } from '../unitPreview';

export const GRID_FIELDS: { key: keyof LabelGridSetting; label: string; min: number; max: number; whole?: boolean }[] = [
  { key: 'columns', label: '列数', min: 1, max: 10, whole: true },
  { key: 'rows', label: '行数', min: 1, max: 30, whole: true },
  { key: 'labelWidthMm', label: '标签宽 mm', min: 10, max: 210 },
  { key: 'labelHeightMm', label: '标签高 mm', min: 5, max: 297 },
  { key: 'marginTopMm', label: '上边距 mm', min: 0, max: 100 },
  { key: 'marginLeftMm', label: '左边距 mm', min: 0, max: 100 },
  { key: 'gapXMm', label: '横向间距 mm', min: 0, max: 50 },
  { key: 'gapYMm', label: '纵向间距 mm', min: 0, max: 50 },
];

/** Checks every field against the contract's limits and that the labels fit on A4 (210 × 297 mm). */
export function checkGrid(text: Record<keyof LabelGridSetting, string>): { grid: LabelGridSetting } | { error: string } {
  const out = {} as LabelGridSetting;
  for (const f of GRID_FIELDS) {
    const v = parseDecimal(text[f.key]);
    if (v === null || v < f.min || v > f.max || (f.whole && !Number.isInteger(v))) return { error: `${f.label.replace(' mm', '')}应为 ${f.min}–${f.max} 之间的${f.whole ? '整数' : '数字'}。` };
    out[f.key] = v;
  }
  const width = out.marginLeftMm + out.columns * out.labelWidthMm + (out.columns - 1) * out.gapXMm;
  const height = out.marginTopMm + out.rows * out.labelHeightMm + (out.rows - 1) * out.gapYMm;
  if (width > 210) return { error: `标签总宽 ${Math.round(width)} mm 超过 A4 纸宽 210 mm，请减少列数或缩小标签、间距。` };
  if (height > 297) return { error: `标签总高 ${Math.round(height)} mm 超过 A4 纸高 297 mm，请减少行数或缩小标签、间距。` };
  return { grid: out };
}
