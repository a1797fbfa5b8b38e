/** Display formatting in zh-CN; pure so it is shared by every page and testable. */
import type { Sex } from '../../shared/idNumber';

const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** ISO instant → local "2024/05/01 14:03:09"; anything unparsable is shown as given. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateTimeFmt.format(d);
}

export function sexLabel(sex: Sex | string): string {
  if (sex === 'M') return '男';
  if (sex === 'F') return '女';
  return sex;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = -1;
  do {
    v /= 1024;
    i++;
  } while (v >= 1024 && i < units.length - 1);
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i] ?? 'TB'}`;
}

/** Local calendar date as YYYY-MM-DD (for date inputs and file names). */
export function localDateString(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
