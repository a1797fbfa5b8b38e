import { describe, expect, it } from 'vitest';
import { checkDigitFor, checkIdNumber, normaliseIdNumber } from '../../shared/idNumber';

const today = new Date('2026-11-21T00:00:00Z');

describe('GB 11643 ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character of the standard example', () => {
    // The example number printed in GB 11643-1999: 11010519491231002X.
    expect(checkDigitFor('11010519491231002')).toBe('X');
    const r = checkIdNumber('11010519491231002X', today);
    expect(r).toMatchObject({ ok: true, birthDate: '1949-12-31', sex: 'F', regionCode: '110105' });
  });

  it('reads the sex from the parity of the 17th digit', () => {
    const male = '11010519491231001' + checkDigitFor('11010519491231001');
    expect(checkIdNumber(male, today)).toMatchObject({ ok: true, sex: 'M' });
  });

  it('refuses a wrong check digit and says which digit was expected', () => {
    const r = checkIdNumber('110105194912310021', today);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('CHECKSUM');
      expect(r.message).toContain('X');
    }
  });

  it('refuses impossible and future birth dates', () => {
    const feb30 = '11010519490230001';
    expect(checkIdNumber(feb30 + checkDigitFor(feb30), today)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
    const future = '11010520300101001';
    expect(checkIdNumber(future + checkDigitFor(future), today)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
  });

  it('refuses wrong length and stray characters', () => {
    expect(checkIdNumber('1101051949123100', today)).toMatchObject({ ok: false, reason: 'LENGTH' });
    expect(checkIdNumber('11010519491231A02X', today)).toMatchObject({ ok: false, reason: 'CHARACTERS' });
    expect(checkIdNumber('  ', today)).toMatchObject({ ok: false, reason: 'EMPTY' });
  });

  it('normalises full-width digits, spaces and a lower-case x', () => {
    expect(normaliseIdNumber(' １１０１０５ 19491231002x ')).toBe('11010519491231002X');
    expect(checkIdNumber('11010519491231002x', today).ok).toBe(true);
  });
});
