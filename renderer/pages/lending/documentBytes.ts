/** Pure helpers for generated documents on screen: base64 → bytes, and a file name safe to save. */

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Characters Windows refuses in file names become 「_」 so the suggested name always saves. */
export function safeFileName(name: string): string {
  const cleaned = [...name].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').trim();
  return cleaned === '' ? '文档' : cleaned;
}
