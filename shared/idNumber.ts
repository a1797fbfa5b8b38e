/**
 * 居民身份证号 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male,
 * even = female), ISO 7064 MOD 11-2 check character (0-9 or X).
 */
export type Sex = 'M' | 'F';

export type IdCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: Sex; regionCode: string }
  | { ok: false; reason: IdProblem; message: string };

export type IdProblem = 'EMPTY' | 'LENGTH' | 'CHARACTERS' | 'BIRTH_DATE' | 'CHECKSUM';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Normalises user input: trims, removes inner spaces, full-width digits and x → X. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\s\u3000]/g, '')
    .replace(/[xｘＸ]$/, 'X');
}

export function checkDigitFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '?';
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** `today` is injectable so tests do not depend on the calendar. */
export function checkIdNumber(raw: string, today: Date = new Date()): IdCheck {
  const id = normaliseIdNumber(raw);
  if (id === '') return { ok: false, reason: 'EMPTY', message: '身份证号不能为空。' };
  if (id.length !== 18) {
    return { ok: false, reason: 'LENGTH', message: `身份证号应为 18 位，现在是 ${id.length} 位，请核对后重新输入。` };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, reason: 'CHARACTERS', message: '身份证号前 17 位须为数字，最后一位为数字或 X。' };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || !isRealDate(y, m, d) || birth.getTime() > today.getTime()) {
    return {
      ok: false,
      reason: 'BIRTH_DATE',
      message: `身份证号中的出生日期 ${id.slice(6, 14)} 不是有效日期，请核对第 7–14 位。`,
    };
  }
  const expected = checkDigitFor(id.slice(0, 17));
  if (id[17] !== expected) {
    return {
      ok: false,
      reason: 'CHECKSUM',
      message: `身份证号校验位错误（末位应为 ${expected}，实为 ${id[17] ?? ''}），请核对是否抄错。`,
    };
  }
  const seq = Number(id[16]);
  return {
    ok: true,
    idNumber: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: seq % 2 === 1 ? 'M' : 'F',
    regionCode: id.slice(0, 6),
  };
}
