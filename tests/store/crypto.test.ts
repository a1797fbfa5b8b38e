import { describe, expect, test } from 'vitest';
import crypto from 'node:crypto';
import { seal, tryOpen, SEAL_OVERHEAD } from '../../electron/services/crypto/aead';
import { calibrateScrypt, defaultScryptParams, deriveKey, isSaneScryptParams } from '../../electron/services/crypto/kdf';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../electron/services/crypto/recoveryKey';
import { appError } from './helpers';

describe('aead', () => {
  const key = crypto.randomBytes(32);
  const aad = Buffer.from('context');
  const plain = Buffer.from('退休人员档案 archive');

  test('round trip, fresh nonce each time', () => {
    const a = seal(key, plain, aad);
    const b = seal(key, plain, aad);
    expect(a.length).toBe(plain.length + SEAL_OVERHEAD);
    expect(a.equals(b)).toBe(false);
    expect(tryOpen(key, a, aad)?.toString()).toBe(plain.toString());
  });

  test('any flipped byte, another aad or another key fails', () => {
    const sealed = seal(key, plain, aad);
    for (let i = 0; i < sealed.length; i++) {
      const bad = Buffer.from(sealed);
      bad[i] = (bad[i] as number) ^ 1;
      expect(tryOpen(key, bad, aad)).toBeNull();
    }
    expect(tryOpen(key, sealed, Buffer.from('other'))).toBeNull();
    expect(tryOpen(crypto.randomBytes(32), sealed, aad)).toBeNull();
    expect(tryOpen(key, sealed.subarray(0, 20), aad)).toBeNull();
  });
});

describe('kdf', () => {
  test('the test-only fast setting is honoured', () => {
    expect(process.env.ARCHIVEDESK_FAST_KDF).toBe('1');
    expect(defaultScryptParams().N).toBe(1 << 12);
  });

  test('calibration picks a power of two within bounds', () => {
    const p = calibrateScrypt(20);
    expect(Number.isInteger(Math.log2(p.N))).toBe(true);
    expect(p.N).toBeGreaterThanOrEqual(1 << 14);
    expect(isSaneScryptParams(p)).toBe(true);
  });

  test('absurd parameters are rejected, derivation is deterministic', () => {
    expect(isSaneScryptParams({ alg: 'scrypt', N: 1 << 30, r: 8, p: 1 })).toBe(false);
    expect(isSaneScryptParams({ alg: 'scrypt', N: 5000, r: 8, p: 1 })).toBe(false);
    const params = { alg: 'scrypt' as const, N: 1 << 12, r: 8, p: 1 };
    const salt = Buffer.alloc(16, 7);
    expect(deriveKey('密码', salt, params).equals(deriveKey('密码', salt, params))).toBe(true);
    expect(deriveKey('密码', salt, params).equals(deriveKey('密碼', salt, params))).toBe(false);
  });
});

describe('recovery key', () => {
  test('format: six groups of five Crockford characters, ≥128 bits', () => {
    const k = generateRecoveryKey();
    expect(k).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(30 * 5).toBeGreaterThanOrEqual(128);
    expect(generateRecoveryKey()).not.toBe(k);
  });

  test('normalises case, spaces, dashes, full-width input and look-alike letters', () => {
    const k = generateRecoveryKey();
    expect(normaliseRecoveryKey(k.toLowerCase())).toBe(k);
    expect(normaliseRecoveryKey(` ${k.replace(/-/g, ' ')} `)).toBe(k);
    expect(normaliseRecoveryKey(k.replace(/-/g, ''))).toBe(k);
    const fullWidth = k.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(normaliseRecoveryKey(fullWidth)).toBe(k);
    expect(normaliseRecoveryKey('0000O-1111I-1111L-00000-00000-00000')).toBe('00000-11111-11111-00000-00000-00000');
  });

  test('wrong length or characters → VALIDATION in Chinese', async () => {
    const short = await appError(() => normaliseRecoveryKey('ABCDE-FGHJK'));
    expect(short.code).toBe('VALIDATION');
    expect(short.message).toContain('恢复密钥格式不正确');
    expect((await appError(() => normaliseRecoveryKey('UUUUU-00000-00000-00000-00000-00000'))).code).toBe('VALIDATION');
  });
});
