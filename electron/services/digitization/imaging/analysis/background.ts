/**
 * The scanner's background (the lid or feeder backing seen around a smaller sheet): dark regions
 * joined to the image's edge along a long stretch. A letter or ruled line that runs off the edge
 * meets it only briefly and stays content; edge shadows joined to the background go with it.
 */

/** A dark region touching the edge along at least this share of the shorter side is background. */
const CONTACT_SHARE = 0.05;
/** "Dark" relative to the paper level: well below any paper, however yellowed. */
const DARK_SHARE = 0.55;

/** The brightness below which `share` of the pixels lie (a percentile of `lum`). */
export function percentile(lum: Uint8Array, share: number, skip?: Uint8Array): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < lum.length; i++) {
    if (skip?.[i]) continue;
    hist[lum[i] ?? 255]! += 1;
    n++;
  }
  if (n === 0) return 255;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] ?? 0;
    if (seen >= n * share) return v;
  }
  return 255;
}

/** 1 for background pixels, 0 for the sheet. */
export function markBackground(lum: Uint8Array, w: number, h: number): Uint8Array {
  const n = w * h;
  const mask = new Uint8Array(n);
  const dark = percentile(lum, 0.9) * DARK_SHARE;
  const isDark = (i: number) => (lum[i] ?? 255) < dark;
  const onEdge = (i: number) => {
    const x = i % w;
    const y = (i - x) / w;
    return x === 0 || y === 0 || x === w - 1 || y === h - 1;
  };
  const minContact = Math.max(3, Math.round(CONTACT_SHARE * Math.min(w, h)));
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const members: number[] = [];
  const starts: number[] = [];
  for (let x = 0; x < w; x++) starts.push(x, (h - 1) * w + x);
  for (let y = 1; y < h - 1; y++) starts.push(y * w, y * w + w - 1);
  for (const start of starts) {
    if (seen[start] || !isDark(start)) continue;
    members.length = 0;
    let contact = 0;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top]!;
      members.push(i);
      if (onEdge(i)) contact++;
      const x = i % w;
      for (let dy = -w; dy <= w; dy += w) {
        const row = i + dy;
        if (row < 0 || row >= n) continue;
        for (let dx = -1; dx <= 1; dx++) {
          if (x + dx < 0 || x + dx >= w) continue;
          const j = row + dx;
          if (!seen[j] && isDark(j)) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    if (contact >= minContact) for (const i of members) mask[i] = 1;
  }
  return mask;
}
