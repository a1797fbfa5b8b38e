/**
 * Font subsetting with HarfBuzz's hb-subset (the WASM build shipped in harfbuzzjs), called through
 * its C API. pdf-lib's own subsetter (fontkit) garbles glyphs of our Noto Sans SC TTF — most hanzi
 * print as blanks — so we cut the font down to the characters a document uses here and hand pdf-lib
 * an already-small TTF to embed whole.
 *
 * The module has no imports, so it is instantiated directly from the .wasm (the package's JS glue is
 * ESM-only). Each source font is copied into WASM memory once per process and preprocessed, which
 * makes every later subset a few milliseconds.
 */
import fs from 'node:fs';
import path from 'node:path';

interface HbExports {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, len: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_length(b: number): number;
  hb_blob_get_data(b: number, lenPtr: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_set_add(set: number, v: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_set_flags(i: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize?: () => void;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
/** Shaping and vertical tables the PDF never uses: dropping them keeps advances plain and files small. */
const DROP_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'vhea', 'vmtx', 'VORG', 'DSIG', 'meta'];

const tag = (s: string): number => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

let hb: HbExports | null = null;
function harfbuzz(): HbExports {
  if (hb) return hb;
  // Resolved at run time from node_modules (a computed name, so the bundler leaves it alone).
  const pkg = 'harfbuzzjs';
  const file = require.resolve(`${pkg}/dist/harfbuzz-subset.wasm`);
  // Packaged, the core's worker thread reads real files: prefer the copy unpacked beside app.asar.
  const unpacked = file.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
  const wasm = fs.readFileSync(fs.existsSync(unpacked) ? unpacked : file);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
  const ex = instance.exports as unknown as HbExports;
  ex._initialize?.();
  hb = ex;
  return ex;
}

/** A source font loaded into HarfBuzz once; `subset` may be called any number of times. */
export interface Subsetter {
  subset(codePoints: Iterable<number>): Uint8Array;
}

/** `preprocess` costs ~10 ms on the GB2312 font but ~250 ms on the full one, used for a few glyphs only. */
export function createSubsetter(ttf: Uint8Array, preprocess = true): Subsetter {
  const ex = harfbuzz();
  const ptr = ex.malloc(ttf.byteLength);
  new Uint8Array(ex.memory.buffer).set(ttf, ptr);
  // The bytes stay in WASM memory for the life of the process (the face points into them).
  const blob = ex.hb_blob_create(ptr, ttf.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const raw = ex.hb_face_create(blob, 0);
  ex.hb_blob_destroy(blob);
  let face = raw;
  if (preprocess) {
    face = ex.hb_subset_preprocess(raw);
    ex.hb_face_destroy(raw);
  }
  return {
    subset(codePoints) {
      const input = ex.hb_subset_input_create_or_fail();
      if (!input) throw new Error('hb_subset_input_create_or_fail');
      try {
        const unicodes = ex.hb_subset_input_unicode_set(input);
        for (const cp of codePoints) ex.hb_set_add(unicodes, cp);
        const drop = ex.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const t of DROP_TABLES) ex.hb_set_add(drop, tag(t));
        ex.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
        const out = ex.hb_subset_or_fail(face, input);
        if (!out) throw new Error('hb_subset_or_fail');
        const outBlob = ex.hb_face_reference_blob(out);
        const data = ex.hb_blob_get_data(outBlob, 0);
        const len = ex.hb_blob_get_length(outBlob);
        // Copy out before freeing: the view points into WASM memory.
        const bytes = new Uint8Array(ex.memory.buffer, data, len).slice();
        ex.hb_blob_destroy(outBlob);
        ex.hb_face_destroy(out);
        return bytes;
      } finally {
        ex.hb_subset_input_destroy(input);
      }
    },
  };
}
