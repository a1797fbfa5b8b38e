/**
 * Finding what is not the page: the scanner's dark background and edges around the paper, and the
 * wedges a deskew rotation adds at the corners. The dark background is told from ink by shape: a
 * dark region joined to the image's border (or to a wedge) along a long stretch is background, while
 * a letter or line touching the edge meets it only briefly and stays content.
 */

export interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Mask values. */
export const PAPER = 0;
export const BACKGROUND = 1;
export const OUTSIDE = 2;

/** A dark region touching the edge along at least this share of the shorter side is background. */
const CONTACT_SHARE = 0.05;

/** Downscales by `f` keeping each block's darkest pixel, so thin strokes survive at analysis size. */
export function minPool(g: Grey, f: number): Grey {
  if (f <= 1) return g;
  const width = Math.ceil(g.width / f);
  const height = Math.ceil(g.height / f);
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < g.height; y++) {
    const row = ((y / f) | 0) * width;
    const src = y * g.width;
    for (let x = 0; x < g.width; x++) {
      const v = g.data[src + x] ?? 255;
      const i = row + ((x / f) | 0);
      if (v < (out[i] ?? 255)) out[i] = v;
    }
  }
  return { data: out, width, height };
}

/**
 * The part of a canvas that came from the image before it was rotated by `degrees` (sharp's
 * rotate: clockwise, canvas grown to fit, centres kept); the rest is a fill wedge. `scale` maps
 * the analysis grid to canvas pixels. `slack` (canvas px) widens the wedges so edge rounding never
 * leaves a sliver of fill counted as page.
 */
export function outsideRotated(g: { width: number; height: number }, scale: number, canvas: { width: number; height: number }, before: { width: number; height: number }, degrees: number, slack: number): Uint8Array {
  const out = new Uint8Array(g.width * g.height);
  const t = (degrees * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const hw = before.width / 2 - slack;
  const hh = before.height / 2 - slack;
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      // The analysis cell's centre on the canvas, relative to the canvas centre, rotated back.
      const ox = (x + 0.5) * scale - canvas.width / 2;
      const oy = (y + 0.5) * scale - canvas.height / 2;
      const dx = c * ox + s * oy;
      const dy = -s * ox + c * oy;
      if (Math.abs(dx) > hw || Math.abs(dy) > hh) out[y * g.width + x] = 1;
    }
  }
  return out;
}

/**
 * Marks each pixel PAPER, BACKGROUND (dark, joined to the edge along a long stretch) or OUTSIDE
 * (a rotation wedge, from `outside`). Pixels darker than `dark` can be background.
 */
export function classify(g: Grey, dark: number, outside: Uint8Array | null): Uint8Array {
  const { width: w, height: h, data } = g;
  const n = w * h;
  const mask = new Uint8Array(n);
  if (outside) for (let i = 0; i < n; i++) if (outside[i]) mask[i] = OUTSIDE;
  const isDark = (i: number) => mask[i] === PAPER && (data[i] ?? 255) < dark;
  const atEdge = (i: number): boolean => {
    const x = i % w;
    const y = (i - x) / w;
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1) return true;
    if (!outside) return false;
    return outside[i - 1] === 1 || outside[i + 1] === 1 || outside[i - w] === 1 || outside[i + w] === 1;
  };
  const minContact = Math.max(3, Math.round(CONTACT_SHARE * Math.min(w, h)));
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const members: number[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start] || !isDark(start) || !atEdge(start)) continue;
    // Flood the dark region joined to this edge pixel (8-neighbours), counting its edge contact.
    members.length = 0;
    let contact = 0;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top] ?? 0;
      members.push(i);
      if (atEdge(i)) contact++;
      const x = i % w;
      for (let dy = -1; dy <= 1; dy++) {
        const row = i + dy * w;
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
    if (contact >= minContact) for (const i of members) mask[i] = BACKGROUND;
  }
  return mask;
}

/** A copy with the scanner background painted white, for skew and blank-page analysis. */
export function withoutBackground(g: Grey, dark = 128): Grey {
  const mask = classify(g, dark, null);
  const data = Uint8Array.from(g.data);
  for (let i = 0; i < data.length; i++) if (mask[i] !== PAPER) data[i] = 255;
  return { data, width: g.width, height: g.height };
}

/** The brightness of the paper: a high percentile of the page's pixels (text is a small share). */
export function paperLevel(g: Grey, mask: Uint8Array | null): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < g.data.length; i++) {
    if (mask && mask[i] !== PAPER) continue;
    const v = g.data[i] ?? 255;
    hist[v] = (hist[v] ?? 0) + 1;
    n++;
  }
  if (n === 0) return 255;
  let seen = 0;
  for (let v = 255; v >= 0; v--) {
    seen += hist[v] ?? 0;
    if (seen >= n * 0.1) return v;
  }
  return 255;
}

/** Ink is clearly darker than the paper it is on (yellowed paper lowers the bar). */
export function inkThreshold(paper: number): number {
  return Math.max(40, Math.min(140, Math.round(paper * 0.62)));
}
