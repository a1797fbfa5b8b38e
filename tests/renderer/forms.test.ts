// Pure helpers behind the forms: password hints, hand-typed dates, shortcuts, person input.
import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../renderer/lib/dateInput';
import { isLockKey, isNewKey, isNextFieldKey, isSaveKey, type KeyLike } from '../../renderer/lib/keys';
import { newPasswordProblem, passwordStrength } from '../../renderer/lib/passwordStrength';
import { draftFrom, toPersonInput } from '../../renderer/pages/persons/personDraft';
import type { Person } from '../../shared/types';

describe('passwordStrength', () => {
  it('grades by length, variety and repetition', () => {
    expect(passwordStrength('abc')).toBe('too-short');
    expect(passwordStrength('aaaaaaaaaaaa')).toBe('weak');
    expect(passwordStrength('abcdefgh')).toBe('weak');
    expect(passwordStrength('abcd1234')).toBe('fair');
    expect(passwordStrength('Abcd1234!xyz')).toBe('strong');
    expect(passwordStrength('档案室2024年新密码!')).toBe('fair');
  });

  it('counts characters, not UTF-16 units, for the 8-character minimum', () => {
    expect(newPasswordProblem('档案工作站密码好', '档案工作站密码好')).toBeNull();
    expect(newPasswordProblem('short', 'short')).toBe('密码至少 8 位。');
    expect(newPasswordProblem('password1', 'password2')).toContain('不一致');
  });
});

describe('parseDateInput', () => {
  it('accepts the ways clerks write dates and normalises to YYYY-MM-DD', () => {
    for (const s of ['2020-06-03', '20200603', '2020.6.3', '2020/06/3', '2020年6月3日', ' 2020 年 6 月 3 日 ', '２０２０-０６-０３']) {
      expect(parseDateInput(s)).toEqual({ ok: true, value: '2020-06-03' });
    }
  });

  it('treats empty as no date', () => {
    expect(parseDateInput('  ')).toEqual({ ok: true, value: null });
  });

  it('rejects impossible dates and other text with a Chinese message', () => {
    expect(parseDateInput('2021-02-29')).toMatchObject({ ok: false, message: expect.stringContaining('不是有效日期') });
    expect(parseDateInput('1850-01-01').ok).toBe(false);
    expect(parseDateInput('6/3/2020')).toMatchObject({ ok: false, message: expect.stringContaining('YYYY-MM-DD') });
  });
});

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('shortcuts', () => {
  it('save: Ctrl+Enter and Ctrl+S', () => {
    expect(isSaveKey(key('Enter', { ctrlKey: true }))).toBe(true);
    expect(isSaveKey(key('s', { ctrlKey: true }))).toBe(true);
    expect(isSaveKey(key('S', { metaKey: true }))).toBe(true);
    expect(isSaveKey(key('Enter'))).toBe(false);
    expect(isSaveKey(key('s'))).toBe(false);
  });

  it('new: Alt+N (by key or by physical key) and Insert', () => {
    expect(isNewKey(key('n', { altKey: true }))).toBe(true);
    expect(isNewKey(key('˜', { altKey: true, code: 'KeyN' }))).toBe(true);
    expect(isNewKey(key('Insert'))).toBe(true);
    expect(isNewKey(key('n'))).toBe(false);
    expect(isNewKey(key('Insert', { ctrlKey: true }))).toBe(false);
  });

  it('lock: Ctrl+L only', () => {
    expect(isLockKey(key('l', { ctrlKey: true }))).toBe(true);
    expect(isLockKey(key('l'))).toBe(false);
    expect(isLockKey(key('l', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('Enter moves on from inputs and selects; Shift+Enter stays a newline in a textarea; IME Enter is left alone', () => {
    expect(isNextFieldKey(key('Enter'), 'INPUT')).toBe(true);
    expect(isNextFieldKey(key('Enter'), 'SELECT')).toBe(true);
    expect(isNextFieldKey(key('Enter'), 'TEXTAREA')).toBe(true);
    expect(isNextFieldKey(key('Enter', { shiftKey: true }), 'TEXTAREA')).toBe(false);
    expect(isNextFieldKey(key('Enter'), 'BUTTON')).toBe(false);
    expect(isNextFieldKey({ ...key('Enter'), isComposing: true }, 'INPUT')).toBe(false);
    expect(isNextFieldKey(key('Enter', { ctrlKey: true }), 'INPUT')).toBe(false);
  });
});

describe('person draft', () => {
  it('starts a new draft in the last community used', () => {
    expect(draftFrom(null, 4)).toMatchObject({ name: '', idNumber: '', communityId: 4, retiredOn: '' });
  });

  it('round-trips a person and trims what is sent', () => {
    const p: Person = {
      id: 1, name: '张桂兰', idNumber: '410381196005120027', sex: 'F', birthDate: '1960-05-12', communityId: 2, communityName: '东大街社区',
      townName: '城关镇', phone: '138', address: '东大街', enterprise: '一拖', retiredOn: null, note: '', createdAt: '', updatedAt: '',
    };
    const d = draftFrom(p, null);
    expect(d.retiredOn).toBe('');
    const input = toPersonInput({ ...d, name: ' 张桂兰 ', phone: ' 138 ', communityId: 2 }, '2015-05-31');
    expect(input).toEqual({ name: '张桂兰', idNumber: '410381196005120027', communityId: 2, phone: '138', address: '东大街', enterprise: '一拖', retiredOn: '2015-05-31', note: '' });
  });
});
