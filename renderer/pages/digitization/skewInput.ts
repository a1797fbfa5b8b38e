/** The deskew angle as the clerk types and steps it (page.adjust takes −10°..10°). */

export const SKEW_LIMIT = 10;
export const SKEW_STEP = 0.1;

const round = (v: number) => Math.round(v * 100) / 100;

/** "2.0", "-1.35": at least one decimal, at most two (what deskewing resolves). */
export function formatSkew(v: number): string {
  const r = round(v);
  const s = r.toFixed(2).replace(/0$/, '');
  return s === '-0.0' ? '0.0' : s;
}

/** Reads a typed angle; full-width digits, the minus sign and the Chinese full stop are accepted. */
export function parseSkew(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = text
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[−－]/g, '-')
    .replace(/[。．]/g, '.')
    .replace(/[°度]$/, '')
    .trim();
  const v = Number(t);
  if (t === '' || !Number.isFinite(v)) return { ok: false, message: '纠偏角度应为数字（度），例如 1.5 或 -0.8。' };
  if (Math.abs(v) > SKEW_LIMIT) return { ok: false, message: `纠偏角度应在 −${SKEW_LIMIT}° 到 ${SKEW_LIMIT}° 之间。` };
  return { ok: true, value: round(v) };
}

/** The angle moved by `by` degrees, kept inside the allowed range. */
export function stepSkew(v: number, by: number): number {
  return Math.min(SKEW_LIMIT, Math.max(-SKEW_LIMIT, round(v + by)));
}
