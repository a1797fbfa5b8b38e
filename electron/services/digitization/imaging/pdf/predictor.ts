/**
 * Undoing a Flate stream's predictor (PDF 32000 §7.4.4.4): PNG predictors 10–15 (a filter-type
 * byte before every row, as img2pdf and many libraries write) and TIFF predictor 2 (horizontal
 * differencing, 8-bit). Returns the bare rows, or null when the data does not fit the geometry.
 */

export interface PredictorParams {
  predictor: number;
  colors: number;
  bitsPerComponent: number;
  columns: number;
}

export function bytesPerRow(p: Pick<PredictorParams, 'colors' | 'bitsPerComponent' | 'columns'>): number {
  return Math.ceil((p.colors * p.bitsPerComponent * p.columns) / 8);
}

export function unpredict(data: Uint8Array, p: PredictorParams, rows: number): Uint8Array | null {
  if (p.predictor <= 1) return data;
  const rowBytes = bytesPerRow(p);
  if (p.predictor === 2) return p.bitsPerComponent === 8 ? tiffUnpredict(data, rowBytes, p.colors, rows) : null;
  if (p.predictor >= 10) return pngUnpredict(data, rowBytes, Math.max(1, Math.ceil((p.colors * p.bitsPerComponent) / 8)), rows);
  return null;
}

function tiffUnpredict(data: Uint8Array, rowBytes: number, colors: number, rows: number): Uint8Array | null {
  if (data.length < rowBytes * rows) return null;
  const out = Uint8Array.from(data.subarray(0, rowBytes * rows));
  for (let y = 0; y < rows; y++) {
    const o = y * rowBytes;
    for (let x = colors; x < rowBytes; x++) out[o + x] = ((out[o + x] ?? 0) + (out[o + x - colors] ?? 0)) & 0xff;
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** `bpp`: bytes per pixel, at least 1 (the distance to the "left" byte). */
function pngUnpredict(data: Uint8Array, rowBytes: number, bpp: number, rows: number): Uint8Array | null {
  if (data.length < (rowBytes + 1) * rows) return null;
  const out = new Uint8Array(rowBytes * rows);
  for (let y = 0; y < rows; y++) {
    const type = data[y * (rowBytes + 1)] ?? 0;
    const src = y * (rowBytes + 1) + 1;
    const o = y * rowBytes;
    const up = o - rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const raw = data[src + x] ?? 0;
      const left = x >= bpp ? (out[o + x - bpp] ?? 0) : 0;
      const above = y > 0 ? (out[up + x] ?? 0) : 0;
      const corner = y > 0 && x >= bpp ? (out[up + x - bpp] ?? 0) : 0;
      let v: number;
      switch (type) {
        case 0:
          v = raw;
          break;
        case 1:
          v = raw + left;
          break;
        case 2:
          v = raw + above;
          break;
        case 3:
          v = raw + ((left + above) >> 1);
          break;
        case 4:
          v = raw + paeth(left, above, corner);
          break;
        default:
          return null;
      }
      out[o + x] = v & 0xff;
    }
  }
  return out;
}
