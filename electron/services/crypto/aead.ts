/**
 * AES-256-GCM with associated data. A sealed box is nonce(12) ‖ ciphertext ‖ tag(16); every seal
 * draws a fresh random nonce, which is safe for the record counts one workspace will ever see.
 */
import crypto from 'node:crypto';

export const KEY_LEN = 32;
export const NONCE_LEN = 12;
export const TAG_LEN = 16;
/** Bytes a sealed box adds to its plaintext. */
export const SEAL_OVERHEAD = NONCE_LEN + TAG_LEN;

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_LEN) throw new RangeError(`AES-256-GCM key must be ${KEY_LEN} bytes, got ${key.length}`);
}

/** Encrypts and authenticates `plaintext`, binding `aad` (which is not stored). */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  checkKey(key);
  const nonce = crypto.randomBytes(NONCE_LEN);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const final = cipher.final();
  return Buffer.concat([nonce, body, final, cipher.getAuthTag()]);
}

/**
 * Opens a sealed box; returns null when it does not authenticate (wrong key, wrong aad, or any
 * changed byte). Callers turn null into an error that names what was being read.
 */
export function tryOpen(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer | null {
  checkKey(key);
  if (sealed.length < SEAL_OVERHEAD) return null;
  const nonce = sealed.subarray(0, NONCE_LEN);
  const tag = sealed.subarray(sealed.length - TAG_LEN);
  const body = sealed.subarray(NONCE_LEN, sealed.length - TAG_LEN);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    const out = decipher.update(body);
    return Buffer.concat([out, decipher.final()]);
  } catch {
    return null;
  }
}
