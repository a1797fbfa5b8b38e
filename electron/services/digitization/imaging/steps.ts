/**
 * What processing did to a page, stored as JSON beside it (ProcessedImage.steps). Reprocessing
 * reads these back: automatic choices are kept, and a clerk's override replaces one of them and is
 * marked `manual` so a later rotation does not re-detect it.
 */
import type { Rotation } from '../ports';

export type Step =
  | { op: 'orient'; rotation: Rotation; detected: boolean }
  | { op: 'deskew'; degrees: number; manual?: boolean }
  /** `box` is the kept region [left, top, width, height] of the deskewed image, null when not cropped. */
  | { op: 'crop'; enabled: boolean; manual?: boolean; box?: [number, number, number, number] | null }
  | { op: 'colour'; colour: boolean; manual?: boolean }
  /** `declared`: the source said its resolution; `belowStandard`: under GB/T 33870's 300 dpi. */
  | { op: 'resolution'; dpi: number; declared?: boolean; belowStandard?: boolean };

export type StepOp = Step['op'];

/** The clerk's overrides (page.adjust); each one given replaces the automatic choice. */
export interface Overrides {
  skewDegrees?: number | undefined;
  crop?: boolean | undefined;
  colour?: boolean | undefined;
}

export const MIN_DPI = 300;

export function stepOf<K extends StepOp>(steps: readonly unknown[], op: K): Extract<Step, { op: K }> | undefined {
  return steps.find((s): s is Extract<Step, { op: K }> => typeof s === 'object' && s !== null && (s as { op?: unknown }).op === op);
}

/** Whether the borders were cropped; pages processed before cropping existed have no crop step. */
export function croppedIn(steps: readonly unknown[]): boolean {
  return stepOf(steps, 'crop')?.enabled === true;
}

/** The recorded steps with the clerk's overrides written in (order: orient, deskew, crop, colour, resolution). */
export function withOverrides(steps: readonly unknown[], o: Overrides): Step[] {
  const replaced = new Map<StepOp, Step>();
  if (o.skewDegrees !== undefined) replaced.set('deskew', { op: 'deskew', degrees: Math.round(o.skewDegrees * 100) / 100, manual: true });
  if (o.crop !== undefined) replaced.set('crop', { op: 'crop', enabled: o.crop, manual: true, box: null });
  if (o.colour !== undefined) replaced.set('colour', { op: 'colour', colour: o.colour, manual: true });
  const order: StepOp[] = ['orient', 'deskew', 'crop', 'colour', 'resolution'];
  const out: Step[] = [];
  for (const op of order) {
    const step = replaced.get(op) ?? stepOf(steps, op);
    if (step) out.push(step);
  }
  return out;
}
