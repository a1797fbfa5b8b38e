/**
 * A stored document (PDF / .xlsx) from its base64 bytes, as a download in browser mode. The Blob
 * URL is revoked after a minute so the bytes do not linger.
 */

const REVOKE_AFTER_MS = 60_000;

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function blobUrl(b64: string, mime: string): string {
  const url = URL.createObjectURL(new Blob([base64ToBytes(b64)], { type: mime }));
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return url;
}

export function download(b64: string, mime: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = blobUrl(b64, mime);
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function isPdf(mime: string): boolean {
  return mime === 'application/pdf';
}
