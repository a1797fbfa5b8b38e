/**
 * Dashboard wording and the simple projection drawn on the intake chart: the mean of the recent
 * months carried forward (the core's own forecast of when a room is full uses the same idea).
 */
import type { MonthValue } from '../../components/charts';

/** 'YYYY-MM' plus n months. */
export function addMonths(month: string, n: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Mean of the last `window` months (ignoring months before the first intake), carried `ahead` months. */
export function projectMonthly(actual: MonthValue[], ahead = 6, window = 6): { forecast: MonthValue[]; mean: number } {
  const firstNonZero = actual.findIndex((m) => m.value > 0);
  if (firstNonZero < 0 || actual.length === 0) return { forecast: [], mean: 0 };
  const recent = actual.slice(firstNonZero).slice(-window);
  const mean = recent.reduce((a, m) => a + m.value, 0) / recent.length;
  const last = actual[actual.length - 1]?.month ?? '';
  return { forecast: Array.from({ length: ahead }, (_, i) => ({ month: addMonths(last, i + 1), value: mean })), mean };
}

/** Whole months from `asOf` to `date` (both YYYY-MM-DD), never negative. */
export function monthsBetween(asOf: string, date: string): number {
  const a = /^(\d{4})-(\d{2})-(\d{2})/.exec(asOf);
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!a || !b) return 0;
  let months = (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2]));
  if (Number(b[3]) < Number(a[3])) months--;
  return Math.max(0, months);
}

/** "2027-03-15（约 16 个月后）", or why there is no date. */
export function forecastWording(forecastFullOn: string | null, asOf: string, capacityMm: number, monthlyGrowthMm: number): string {
  if (capacityMm <= 0) return '尚无密集架，无法预测';
  if (forecastFullOn === null) return monthlyGrowthMm > 0 ? '按当前速度近期不会满' : '尚无接收记录，无法预测';
  const months = monthsBetween(asOf, forecastFullOn);
  if (forecastFullOn <= asOf) return `已满（${forecastFullOn}）`;
  if (months < 1) return `${forecastFullOn}（不足 1 个月）`;
  if (months >= 24) return `${forecastFullOn}（约 ${Math.round(months / 12)} 年后）`;
  return `${forecastFullOn}（约 ${months} 个月后）`;
}

/** Urgency of a forecast for colouring: under 6 months is urgent, under 12 a warning. */
export function forecastLevel(forecastFullOn: string | null, asOf: string): 'urgent' | 'warn' | 'ok' {
  if (forecastFullOn === null) return 'ok';
  const months = forecastFullOn <= asOf ? 0 : monthsBetween(asOf, forecastFullOn);
  if (months < 6) return 'urgent';
  if (months < 12) return 'warn';
  return 'ok';
}

/** mm → metres for shelf length: one decimal, two below 10 m so a few files still show. */
export function metres(mm: number): number {
  if (!Number.isFinite(mm)) return 0;
  return Math.abs(mm) < 10_000 ? Math.round(mm / 10) / 100 : Math.round(mm / 100) / 10;
}
