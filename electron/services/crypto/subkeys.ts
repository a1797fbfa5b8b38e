/**
 * One random data key, many purposes: each use gets its own HKDF-derived subkey so a key used for
 * MACs is never also used for encryption, and file names never leak anything about ciphertexts.
 */
import crypto from 'node:crypto';

export type KeyPurpose = 'journal' | 'snapshot' | 'blob-name' | 'blob-data' | 'backup-mac' | 'key-check';

export function subkey(dataKey: Uint8Array, purpose: KeyPurpose): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), `archivedesk/v1/${purpose}`, 32));
}

export function hmac(key: Uint8Array, ...parts: Uint8Array[]): Buffer {
  const h = crypto.createHmac('sha256', key);
  for (const part of parts) h.update(part);
  return h.digest();
}

export function sha256Hex(data: Uint8Array | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}
