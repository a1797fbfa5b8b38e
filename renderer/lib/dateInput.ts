/**
 * Dates typed by hand, the way clerks write them: 2020-06-30, 20200630, 2020.6.30, 2020/6/30 or
 * 2020年6月30日. (A native date input shows the OS locale's order, e.g. mm/dd/yyyy, and is slow
 * to type into.)
 */
export type DateParse = { ok: true; value: string | null } | { ok: false; message: string };

export function parseDateInput(raw: string): DateParse {
  const s = raw.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
  if (s === '') return { ok: true, value: null };
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return { ok: false, message: '日期格式应为 YYYY-MM-DD，例如 2020-06-30。' };
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2100 || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    return { ok: false, message: `${s} 不是有效日期，请核对。` };
  }
  return { ok: true, value: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
