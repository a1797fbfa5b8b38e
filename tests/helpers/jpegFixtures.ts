/**
 * JPEG fixtures for the DC-image reader's tests: a page-like test image, the libjpeg-turbo command
 * line tools (cjpeg to encode, djpeg as the reference decoder), a marker walker, a seeded PRNG, and
 * a tiny baseline encoder for hand-made greyscale streams (chosen Huffman tables, DC values and AC
 * symbols) that no real encoder would write.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const INSTALL_HINT = 'these tests need the libjpeg-turbo command line tools — install the Debian package libjpeg-turbo-progs (.ci/run)';

/** Fails with a clear message when the libjpeg-turbo tools are missing (Debian: libjpeg-turbo-progs). */
export function requireJpegTools(): void {
  for (const tool of ['djpeg', 'cjpeg', 'jpegtran']) {
    const r = spawnSync(tool, ['-version'], { encoding: 'latin1' });
    if (r.error) throw new Error(`${tool} not found (${r.error.message}): ${INSTALL_HINT}`);
  }
}

/** Runs a tool; a missing tool is an error with the install hint, never a skipped test. */
function run(tool: string, args: string[], options: { input?: Uint8Array; cwd?: string } = {}) {
  const r = spawnSync(tool, args, { ...options, maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`${tool} could not run (${r.error.message}): ${INSTALL_HINT}`);
  return r;
}

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Seeded PRNG (mulberry32): a float in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A scanned-page-like RGB image: slightly yellow paper with grain, a ruled header line, and lines of
 * dark "characters" (short strokes with some grey antialiasing) — edges at every scale, as on a page.
 */
export function pagePixels(width: number, height: number, seed = 1): Buffer {
  const rnd = prng(seed);
  const px = Buffer.alloc(width * height * 3);
  const grey = new Uint8Array(width * height).fill(0);
  const margin = Math.max(1, Math.round(width * 0.08));
  const lineGap = Math.max(6, Math.round(height / 40));
  // Strokes: for each text line, characters of random widths made of 2–4 strokes each.
  for (let top = margin; top + lineGap < height - margin; top += lineGap) {
    const glyph = Math.max(3, Math.round(lineGap * 0.55));
    for (let x = margin; x + glyph < width - margin; x += glyph + 2 + Math.floor(rnd() * 3)) {
      if (rnd() < 0.12) continue; // a space
      const strokes = 2 + Math.floor(rnd() * 3);
      for (let s = 0; s < strokes; s++) {
        const horizontal = rnd() < 0.5;
        const ox = x + Math.floor(rnd() * glyph);
        const oy = top + Math.floor(rnd() * glyph);
        const len = 2 + Math.floor(rnd() * glyph);
        const ink = 160 + Math.floor(rnd() * 90);
        for (let i = 0; i < len; i++) {
          const gx = horizontal ? Math.min(x + glyph, ox - (len >> 1) + i) : ox;
          const gy = horizontal ? oy : Math.min(top + glyph, oy - (len >> 1) + i);
          if (gx < 0 || gy < 0 || gx >= width || gy >= height) continue;
          const k = gy * width + gx;
          grey[k] = Math.max(grey[k] as number, ink);
          // A second pixel across the stroke, and a lighter third (antialiasing).
          const across = horizontal ? width : 1;
          if (k + across < grey.length) grey[k + across] = Math.max(grey[k + across] as number, ink);
          if (k + 2 * across < grey.length) grey[k + 2 * across] = Math.max(grey[k + 2 * across] as number, ink >> 2);
        }
      }
    }
  }
  // A ruled line under the header.
  const ruleY = Math.min(height - 1, Math.round(margin * 0.7));
  for (let x = margin; x < width - margin; x++) grey[ruleY * width + x] = 200;
  // Paper grain from an inline xorshift (a closure call per pixel would dominate the cost).
  let x32 = (seed * 0x9e3779b1) | 1;
  for (let i = 0, k = 0; i < width * height; i++, k += 3) {
    x32 ^= x32 << 13;
    x32 ^= x32 >>> 17;
    x32 ^= x32 << 5;
    const n = ((x32 >>> 8) % 13) - 6;
    const ink = grey[i] as number;
    px[k] = clamp255(238 + n - ink);
    px[k + 1] = clamp255(233 + n - ink);
    px[k + 2] = clamp255(216 + n - ((ink * 9) >> 3));
  }
  return px;
}

const clamp255 = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Writes raw pixels (1 or 3 channels) as a binary PGM/PPM, cjpeg's input. */
export function writePnm(file: string, pixels: Uint8Array, width: number, height: number, channels: 1 | 3): void {
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`${channels === 1 ? 'P5' : 'P6'}\n${width} ${height}\n255\n`, 'latin1'), pixels]));
}

/** cjpeg with these switches on a PNM file: the JPEG bytes. */
export function cjpeg(input: string, args: string[]): Buffer {
  const r = run('cjpeg', [...args, input]);
  if (r.status !== 0) throw new Error(`cjpeg ${args.join(' ')} failed (${r.status}): ${r.stderr.toString()}`);
  return r.stdout;
}

/** jpegtran with these switches on JPEG bytes. */
export function jpegtran(bytes: Uint8Array, args: string[]): Buffer {
  const r = run('jpegtran', args, { input: bytes });
  if (r.status !== 0) throw new Error(`jpegtran ${args.join(' ')} failed (${r.status}): ${r.stderr.toString()}`);
  return r.stdout;
}

export interface DjpegResult {
  /** Exit status: 0 clean, 2 with warnings, 1 failed (libjpeg-turbo's djpeg). */
  status: number | null;
  stderr: string;
  /** The PGM it wrote, when it wrote a whole one. */
  image: GreyImage | null;
}

/** The reference: `djpeg -scale 1/8 -grayscale -pnm` on these bytes (through stdin). */
export function djpegDc(bytes: Uint8Array): DjpegResult {
  const r = run('djpeg', ['-scale', '1/8', '-grayscale', '-pnm'], { input: bytes });
  return { status: r.status, stderr: r.stderr.toString('latin1'), image: parsePgm(r.stdout) };
}

/**
 * djpegDc on many files with one process start from Node (a shell loop runs djpeg): forking a large
 * Node process hundreds of times costs more CPU than the decoding. Uses (and leaves) files in `dir`.
 */
export function djpegDcMany(files: Uint8Array[], dir: string): DjpegResult[] {
  files.forEach((f, i) => fs.writeFileSync(path.join(dir, `v${i}.jpg`), f));
  run('djpeg', ['-version']);
  const script = `for i in $(seq 0 ${files.length - 1}); do djpeg -scale 1/8 -grayscale -pnm "v$i.jpg" > "v$i.pgm" 2> "v$i.err"; echo $? > "v$i.rc"; done`;
  const r = run('sh', ['-c', script], { cwd: dir });
  if (r.status !== 0) throw new Error(`djpeg loop failed: ${r.error?.message ?? r.stderr.toString()}`);
  return files.map((_, i) => ({
    status: Number(fs.readFileSync(path.join(dir, `v${i}.rc`), 'latin1').trim()),
    stderr: fs.readFileSync(path.join(dir, `v${i}.err`), 'latin1'),
    image: parsePgm(fs.readFileSync(path.join(dir, `v${i}.pgm`))),
  }));
}

function parsePgm(b: Buffer): GreyImage | null {
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(b.toString('latin1', 0, Math.min(b.length, 64)));
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const data = b.subarray(m[0].length);
  if (data.length !== width * height) return null;
  return { data: new Uint8Array(data), width, height };
}

export interface Segment {
  marker: number;
  /** Offset of the 0xFF of the marker. */
  at: number;
  /** The segment's length field (includes its own two bytes). */
  length: number;
}

/** The marker segments from after SOI up to and including the first SOS, and where its data starts. */
export function segments(bytes: Uint8Array): { list: Segment[]; dataStart: number } {
  const list: Segment[] = [];
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) throw new Error(`no marker at ${p}`);
    const marker = bytes[p + 1] as number;
    const length = ((bytes[p + 2] as number) << 8) | (bytes[p + 3] as number);
    list.push({ marker, at: p, length });
    p += 2 + length;
    if (marker === 0xda) return { list, dataStart: p };
  }
  throw new Error('no SOS');
}

export function segment(bytes: Uint8Array, marker: number): Segment {
  const s = segments(bytes).list.find((x) => x.marker === marker);
  if (!s) throw new Error(`no marker 0x${marker.toString(16)}`);
  return s;
}

/** Frame header (first SOF0/SOF1): size and components with their sampling factors. */
export function frameOf(bytes: Uint8Array): { marker: number; precision: number; width: number; height: number; comps: { id: number; h: number; v: number }[] } | null {
  let list: Segment[];
  try {
    list = segments(bytes).list;
  } catch {
    return null;
  }
  const sof = list.find((x) => x.marker >= 0xc0 && x.marker <= 0xcf && x.marker !== 0xc4 && x.marker !== 0xc8 && x.marker !== 0xcc);
  if (!sof || sof.at + 10 > bytes.length) return null;
  const s = sof.at + 4;
  const nc = bytes[s + 5] as number;
  const comps = [];
  for (let i = 0; i < nc && s + 8 + 3 * i < bytes.length; i++) {
    const o = s + 6 + 3 * i;
    comps.push({ id: bytes[o] as number, h: (bytes[o + 1] as number) >> 4, v: (bytes[o + 1] as number) & 15 });
  }
  return {
    marker: sof.marker,
    precision: bytes[s] as number,
    height: ((bytes[s + 1] as number) << 8) | (bytes[s + 2] as number),
    width: ((bytes[s + 3] as number) << 8) | (bytes[s + 4] as number),
    comps,
  };
}

/** Precision (0 = 8-bit, 1 = 16-bit) of every quantisation table in the file's DQT segments. */
export function dqtPrecisions(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (const s of segments(bytes).list.filter((x) => x.marker === 0xdb)) {
    for (let q = s.at + 4; q < s.at + 2 + s.length; ) {
      const prec = (bytes[q] as number) >> 4;
      out.push(prec);
      q += 1 + (prec ? 128 : 64);
    }
  }
  return out;
}

// ---- A tiny baseline encoder for hand-made single-component streams ----------------------------

export interface HuffmanTableSpec {
  /** Codes of each length 1..16 (16 entries) and the symbols in code order, as in a DHT segment. */
  counts: number[];
  symbols: number[];
}

export interface GreyBlock {
  /** DC difference from the previous block (−2047..2047). */
  dc: number;
  /** AC symbols (run << 4 | size); each is followed by `size` one bits. Default: end of block only. */
  ac?: number[];
}

export interface GreyStream {
  width: number;
  height: number;
  /** DC quantiser; a value over 255 makes the DQT 16-bit. The AC quantisers are 1. */
  dcQuant: number;
  /** One per 8×8 block, left to right, top to bottom. */
  blocks: GreyBlock[];
  dcTable?: HuffmanTableSpec;
  acTable?: HuffmanTableSpec;
  /** Restart interval in blocks (0: none). */
  restartInterval?: number;
  /** Segments inserted after SOI (e.g. an APP0), complete with marker and length. Default: a JFIF APP0. */
  app?: Uint8Array[];
  /** Component id (default 1). */
  componentId?: number;
}

const lengths4 = (n: number) => [0, 0, 0, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
/** DC sizes 0..11, all 4-bit codes. */
export const SIMPLE_DC: HuffmanTableSpec = { counts: lengths4(12), symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
/** A few AC symbols, all 4-bit codes: EOB, 0/1, 0/2, 0/3, 1/1, 2/1, ZRL. */
export const SIMPLE_AC: HuffmanTableSpec = { counts: lengths4(7), symbols: [0x00, 0x01, 0x02, 0x03, 0x11, 0x21, 0xf0] };

export const JFIF_APP0 = Uint8Array.from([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

function huffmanCodes(t: HuffmanTableSpec): Map<number, { code: number; len: number }> {
  const codes = new Map<number, { code: number; len: number }>();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < (t.counts[len - 1] as number); i++) codes.set(t.symbols[k++] as number, { code: code++, len });
    code <<= 1;
  }
  return codes;
}

class BitWriter {
  readonly out: number[] = [];
  private acc = 0;
  private n = 0;

  write(value: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.byte();
    }
  }

  /** Pads the last byte with one bits. */
  flush(): void {
    if (this.n > 0) this.write(0xff, 8 - this.n);
  }

  private byte(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0);
    this.acc = 0;
    this.n = 0;
  }
}

const u16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];

/** A baseline (or, with a 16-bit DQT, extended) sequential greyscale JPEG with exactly this content. */
export function encodeGreyStream(s: GreyStream): Uint8Array {
  const bw = Math.ceil(s.width / 8);
  const bh = Math.ceil(s.height / 8);
  if (s.blocks.length !== bw * bh) throw new Error(`need ${bw * bh} blocks, got ${s.blocks.length}`);
  const dcT = s.dcTable ?? SIMPLE_DC;
  const acT = s.acTable ?? SIMPLE_AC;
  const dcCodes = huffmanCodes(dcT);
  const acCodes = huffmanCodes(acT);
  const bits = new BitWriter();
  const interval = s.restartInterval ?? 0;
  let restarts = 0;
  s.blocks.forEach((b, i) => {
    if (interval && i > 0 && i % interval === 0) {
      bits.flush();
      bits.out.push(0xff, 0xd0 + (restarts++ & 7));
    }
    const size = b.dc === 0 ? 0 : 32 - Math.clz32(Math.abs(b.dc));
    const dcCode = dcCodes.get(size);
    if (!dcCode) throw new Error(`DC table has no size ${size}`);
    bits.write(dcCode.code, dcCode.len);
    bits.write(b.dc > 0 ? b.dc : b.dc + (1 << size) - 1, size);
    for (const sym of b.ac ?? [0]) {
      const c = acCodes.get(sym);
      if (!c) throw new Error(`AC table has no symbol 0x${sym.toString(16)}`);
      bits.write(c.code, c.len);
      bits.write((1 << (sym & 15)) - 1, sym & 15);
    }
  });
  bits.flush();
  const sixteen = s.dcQuant > 255;
  const quant = [sixteen ? 0x10 : 0x00, ...(sixteen ? u16(s.dcQuant) : [s.dcQuant])];
  for (let i = 1; i < 64; i++) quant.push(...(sixteen ? [0, 1] : [1]));
  const dht = (cls: number, t: HuffmanTableSpec) => [0xff, 0xc4, ...u16(2 + 17 + t.symbols.length), cls << 4, ...t.counts, ...t.symbols];
  const id = s.componentId ?? 1;
  return Uint8Array.from([
    0xff,
    0xd8,
    ...(s.app ?? [JFIF_APP0]).flatMap((a) => Array.from(a)),
    ...[0xff, 0xdb, ...u16(2 + quant.length), ...quant],
    ...[0xff, sixteen ? 0xc1 : 0xc0, ...u16(11), 8, ...u16(s.height), ...u16(s.width), 1, id, 0x11, 0],
    ...dht(0, dcT),
    ...dht(1, acT),
    ...(interval ? [0xff, 0xdd, 0, 4, ...u16(interval)] : []),
    ...[0xff, 0xda, 0, 8, 1, id, 0x00, 0, 63, 0],
    ...bits.out,
    0xff,
    0xd9,
  ]);
}
