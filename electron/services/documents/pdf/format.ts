/** Dates as printed on official forms. */

/** '2026-11-22' → '2026年11月22日'; anything else is printed as given. */
export function cnDate(d: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d ?? '');
  if (!m) return d ?? '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The blank a person fills in by hand. */
export const DATE_BLANK = '　　　　年　　月　　日';

export const cnDateOrBlank = (d: string | null | undefined): string => (d ? cnDate(d) : DATE_BLANK);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * '2026-11-22T09:30:00' → '2026年11月22日 09:30'. A time with a zone (…Z, +08:00) is shown in this
 * computer's local time, which is the archive room's; a bare date prints as a date.
 */
export function cnDateTime(s: string | null | undefined): string {
  if (!s) return '';
  if (/(Z|[+-]\d\d:?\d\d)$/.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  }
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(s);
  if (!m) return s;
  return m[2] ? `${cnDate(m[1])} ${m[2]}` : cnDate(m[1]);
}
