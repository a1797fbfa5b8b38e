/**
 * Password → key-encryption key, with scrypt. The cost is calibrated on this machine so one
 * derivation takes about 0.3 s (slow for a guesser, tolerable at login); the parameters are stored
 * in each key slot, so a slot made on a fast machine still opens on a slow one.
 *
 * ARCHIVEDESK_FAST_KDF=1 is for TESTS ONLY: it forces N=2^12 so suites that create many slots stay
 * fast. Never set it for real workspaces: slots made with it are cheap to brute-force.
 */
import crypto from 'node:crypto';

export interface ScryptParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
}

export const KEK_LEN = 32;
const MIN_LOG2_N = 12;
// 2^20 × r=8 needs 1 GiB; anything above that in a slot file is tampering, not a real setting.
const MAX_LOG2_N = 20;
const FAST_TEST_PARAMS: ScryptParams = { alg: 'scrypt', N: 1 << 12, r: 8, p: 1 };

function maxmemFor(p: ScryptParams): number {
  return 128 * p.N * p.r * p.p + 16 * 1024 * 1024;
}

/** Rejects parameters no honest slot would carry (they could make unwrap hang or exhaust memory). */
export function isSaneScryptParams(p: unknown): p is ScryptParams {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  if (o.alg !== 'scrypt') return false;
  const { N, r, p: par } = o;
  if (typeof N !== 'number' || typeof r !== 'number' || typeof par !== 'number') return false;
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(par)) return false;
  const log2 = Math.log2(N);
  return Number.isInteger(log2) && log2 >= MIN_LOG2_N && log2 <= MAX_LOG2_N && r >= 1 && r <= 32 && par >= 1 && par <= 4;
}

export function deriveKey(secret: string, salt: Uint8Array, params: ScryptParams): Buffer {
  return crypto.scryptSync(secret.normalize('NFC'), salt, KEK_LEN, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: maxmemFor(params),
  });
}

/** Picks the power-of-two N whose measured derivation time is nearest `targetMs`. */
export function calibrateScrypt(targetMs = 300): ScryptParams {
  const r = 8;
  const p = 1;
  let log2 = 14;
  let ms = timeOnce({ alg: 'scrypt', N: 1 << log2, r, p });
  // Doubling N doubles the time; climb while the next step is closer to the target.
  while (log2 < 18 && Math.abs(ms * 2 - targetMs) < Math.abs(ms - targetMs)) {
    log2 += 1;
    ms = timeOnce({ alg: 'scrypt', N: 1 << log2, r, p });
  }
  return { alg: 'scrypt', N: 1 << log2, r, p };
}

function timeOnce(params: ScryptParams): number {
  const start = performance.now();
  deriveKey('calibration', Buffer.alloc(16), params);
  return performance.now() - start;
}

let calibrated: ScryptParams | undefined;

/** Parameters for new slots: calibrated once per process (or the test-only fast setting). */
export function defaultScryptParams(): ScryptParams {
  if (process.env.ARCHIVEDESK_FAST_KDF === '1') return { ...FAST_TEST_PARAMS };
  calibrated ??= calibrateScrypt();
  return { ...calibrated };
}
