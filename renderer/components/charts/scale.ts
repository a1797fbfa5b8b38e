/**
 * Pure number work behind the SVG charts (no DOM), so the scaling can be tested on its own:
 * a "nice" axis top, tick values, value → pixel mapping and the Chinese number wording.
 */

/** The smallest 1/2/2.5/5 × 10^n at or above `max`, so axis labels are round numbers. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * base;
    // Tolerate float noise (0.30000000000000004 must not jump to 0.5).
    if (candidate >= max * (1 - 1e-9)) return roundFloat(candidate);
  }
  return roundFloat(10 * base);
}

/**
 * An axis for counts: a round step (1/2/2.5/5 × 10^n; whole numbers only when `integer`) so that
 * about `count` steps cover `max`. Small counts (max 3 files) get ticks 0,1,2,3 — not 0,0.25,….
 */
export function axisScale(max: number, count = 4, integer = false): { top: number; ticks: number[] } {
  const m = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = m / Math.max(1, count);
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  let step = 10 * base;
  for (const k of [1, 2, 2.5, 5, 10]) {
    const c = roundFloat(k * base);
    if (integer && (c < 1 || !Number.isInteger(c))) continue;
    if (c >= raw * (1 - 1e-9)) {
      step = c;
      break;
    }
  }
  if (integer) step = Math.max(1, step);
  const n = Math.max(1, Math.ceil(roundFloat(m / step)));
  const tickValues = Array.from({ length: n + 1 }, (_, i) => roundFloat(step * i));
  return { top: roundFloat(step * n), ticks: tickValues };
}

/** `count` + 1 evenly spaced tick values from 0 to `top` inclusive. */
export function ticks(top: number, count = 4): number[] {
  const n = Math.max(1, Math.floor(count));
  return Array.from({ length: n + 1 }, (_, i) => roundFloat((top * i) / n));
}

/** Maps 0..domainMax onto 0..rangePx, clamped so a bad value never draws outside the chart. */
export function linear(domainMax: number, rangePx: number): (v: number) => number {
  const d = domainMax > 0 ? domainMax : 1;
  return (v: number) => {
    if (!Number.isFinite(v)) return 0;
    return Math.min(rangePx, Math.max(0, (v / d) * rangePx));
  };
}

/** used / capacity as a 0–100 percentage; null when the capacity is unknown or zero. */
export function fillPercent(used: number, capacity: number): number | null {
  if (!Number.isFinite(capacity) || capacity <= 0 || !Number.isFinite(used)) return null;
  return Math.max(0, (used / capacity) * 100);
}

/** The colour class for a fill level: the room needs attention at 85 %, is critical at 95 %. */
export type FillLevel = 'ok' | 'warn' | 'full' | 'unknown';
export function fillLevel(pct: number | null, warnAt = 85, fullAt = 95): FillLevel {
  if (pct === null) return 'unknown';
  if (pct >= fullAt) return 'full';
  if (pct >= warnAt) return 'warn';
  return 'ok';
}

/** "87.5%" / "100%" / "—"; one decimal only below 10 % and where it is not .0. */
export function formatPercent(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return '—';
  const digits = pct < 10 ? 1 : 0;
  const text = pct.toFixed(digits);
  return `${text.endsWith('.0') ? text.slice(0, -2) : text}%`;
}

/** 12,345 → "12,345"; 123,456 → "12.3万" (the room counts volumes in 万 when they are many). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 100_000) {
    const wan = n / 10_000;
    const text = wan.toFixed(1);
    return `${text.endsWith('.0') ? text.slice(0, -2) : text}万`;
  }
  return Math.round(n).toLocaleString('en-US');
}

/** Splits a total width among segments in proportion, rounding so they add up exactly. */
export function segmentWidths(values: number[], widthPx: number): number[] {
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const total = clean.reduce((a, b) => a + b, 0);
  if (total <= 0) return clean.map(() => 0);
  let acc = 0;
  let drawn = 0;
  return clean.map((v) => {
    acc += v;
    const end = Math.round((acc / total) * widthPx);
    const w = end - drawn;
    drawn = end;
    return w;
  });
}

function roundFloat(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
