/**
 * Calendar days as the archive room counts them: China Standard Time (UTC+8, no daylight saving),
 * the same rule the lending services use, so the form's "over the limit" warning matches the refusal.
 */
const CST_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

export function todayCst(now: Date = new Date()): string {
  return new Date(now.getTime() + CST_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Days in a period counting both ends (2026-01-01…2026-01-07 is 7 days); null while a date is incomplete. */
export function periodDays(from: string, to: string): number | null {
  if (!DAY_RE.test(from) || !DAY_RE.test(to)) return null;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / DAY_MS) + 1;
}

/** The inline warning under the period: what is wrong and what to do (null when fine or incomplete). */
export function periodProblem(from: string, to: string, limitDays: number, note: string, today: string): string | null {
  const days = periodDays(from, to);
  if (days === null) return null;
  if (days < 1) return `结束日期 ${to} 早于开始日期 ${from}，请改正。`;
  if (from < today) return `开始日期 ${from} 已过，请从今天（${today}）或以后开始。`;
  if (days > limitDays && note.trim() === '') return `申请期限 ${days} 天，超过规定的 ${limitDays} 天：请在「备注」中写明延长理由。`;
  return null;
}

/** A stored ISO instant as local 'YYYY-MM-DD HH:mm' (CST), as the register prints it. */
export function localTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + CST_MS).toISOString().slice(0, 16).replace('T', ' ');
}
