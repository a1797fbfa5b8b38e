/**
 * Pure helpers for stored documents on screen and files sent from the browser: base64 ↔ bytes,
 * a Blob download, and a file name Windows will accept.
 */

/** Backed by a plain ArrayBuffer so the bytes can go straight into a Blob. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Chunked so a several-MB file does not overflow the argument list of fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** Characters Windows refuses in file names become 「_」 so the suggested name always saves. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned === '' ? '文档' : cleaned;
}

export function isPdf(mime: string): boolean {
  return mime === 'application/pdf';
}

/** The Blob URL is revoked after a minute so the bytes do not linger once the download started. */
const REVOKE_AFTER_MS = 60_000;

export function download(b64: string, mime: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(b64)], { type: mime }));
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName);
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
