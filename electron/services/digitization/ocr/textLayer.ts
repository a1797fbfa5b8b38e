/**
 * The invisible text layer of a searchable PDF page, written here from the OCR's word boxes.
 * Tesseract can write this page itself (its PDF renderer), but asking for it costs about 80 ms of
 * CPU per page in the WASM build (measured on the OCR benchmark pages: 1,498 → 1,578 ms per page
 * read), for a page that is a few hundred bytes of text operators. The layout is the renderer's:
 * its glyphless font (every character one blank glyph half an em wide, Unicode mapped back through
 * an identity ToUnicode CMap), text render mode 3 (invisible), each word stretched horizontally to
 * its box on the line's baseline, a space after each word as tesseract writes it.
 */
import zlib from 'node:zlib';

/** A text line in page pixels: its box and its words (x0, y0, x1, y1, top-left origin). */
export interface TextLine {
  box: [number, number, number, number];
  words: { text: string; bbox: [number, number, number, number] }[];
}

/**
 * Tesseract's GlyphLessFont (tessdata/pdf.ttf, Apache-2.0, 572 bytes): two glyphs, both empty, so
 * viewers that render the layer anyway draw nothing.
 */
const GLYPHLESS_FONT = Buffer.from(
  'AAEAAAAKAIAAAwAgT1MvMlbeyJQAAAEoAAAAYGNtYXAACgA0AAABkAAAAB5nbHlmFSJBJAAAAbgAAAAYaGVhZAt48WUAAACsAAAANmhoZWEMAg' +
    'QCAAAA5AAAACRobXR4BAAAAAAAAYgAAAAIbG9jYQAMAAAAAAGwAAAABm1heHAABAAFAAABCAAAACBuYW1l8usW2gAAAdAAAABLcG9zdAABAAEA' +
    'AAIcAAAAIAABAAAAAQAAsJRxEF8PPPUEBwgAAAAAAM+a/G4AAAAA1MOn8gAAAAAEAAgAAAAAEAACAAAAAAAAAAEAAAgA//8AAAQAAAAAAAQAAA' +
    'EAAAAAAAAAAAAAAAAAAAACAAEAAAACAAQAAQAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAwAAAZAABQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAUA' +
    'AQABAAAAAAAAAAAAAAAAAAAAAAAAAAAAR09PRwBAAAAAAAAB//8AAAABAAGAAAAAAAAAAAAAAAAAAAABAAAAAAAABAAAAAAAAAIAAQAAAAAAFA' +
    'ADAAAAAAAUAAYACgAAAAAAAAAAAAAAAAAMAAAAAQAAAAAEAAgAAAMAADEhESEEAPwACAAAAAADACoAAAADAAAABQAWAAAAAQAAAAAABQALABYA' +
    'AwABBAkABQAWAAAAVgBlAHIAcwBpAG8AbgAgADEALgAwVmVyc2lvbiAxLjAAAAEAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAA=',
  'base64',
);

/** Half an em per character: the font's only advance width (/DW 500). */
const CHAR_EM = 0.5;

const TO_UNICODE = [
  '/CIDInit /ProcSet findresource begin',
  '12 dict begin',
  'begincmap',
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
  '/CMapName /Adobe-Identify-UCS def',
  '/CMapType 2 def',
  '1 begincodespacerange',
  '<0000> <FFFF>',
  'endcodespacerange',
  '1 beginbfrange',
  '<0000> <FFFF> <0000>',
  'endbfrange',
  'endcmap',
  'CMapName currentdict /CMap defineresource pop',
  'end',
  'end',
].join('\n');

/** Every character code (CID) → glyph 1, the blank glyph; compressed once (128 KB → a few hundred bytes). */
let cidToGid: Buffer | null = null;
function cidToGidMap(): Buffer {
  if (!cidToGid) {
    const map = Buffer.alloc(65536 * 2);
    for (let i = 1; i < map.length; i += 2) map[i] = 1;
    cidToGid = zlib.deflateSync(map);
  }
  return cidToGid;
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/** UTF-16BE hex: the font's codes are the text's UTF-16 code units. */
function hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return out;
}

/** The content stream: one text object per line, each word placed and stretched to its box. */
function contentOf(lines: readonly TextLine[], heightPt: number, k: number): string {
  const ops: string[] = [];
  for (const line of lines) {
    const [, ly0, , ly1] = line.box;
    const size = Math.max(1, (ly1 - ly0) * k);
    const baseline = heightPt - ly1 * k;
    ops.push('BT', '3 Tr', `/f-0-0 ${num(size)} Tf`);
    for (const w of line.words) {
      const chars = w.text.length;
      if (chars === 0) continue;
      const width = Math.max(0.1, (w.bbox[2] - w.bbox[0]) * k);
      const stretch = (100 * width) / (chars * CHAR_EM * size);
      ops.push(`1 0 0 1 ${num(w.bbox[0] * k)} ${num(baseline)} Tm`, `${num(stretch)} Tz`, `<${hex(w.text)}0020> Tj`);
    }
    ops.push('ET');
  }
  return ops.join('\n');
}

/**
 * One PDF page `widthPx`×`heightPx` at `dpi` holding only the invisible text of `lines`, for
 * searchablePdf.ts to draw over the scan. Null when there is no text.
 */
export function textLayerPdf(lines: readonly TextLine[], widthPx: number, heightPx: number, dpi: number): Uint8Array | null {
  if (!lines.some((l) => l.words.length > 0)) return null;
  const k = 72 / dpi;
  const widthPt = widthPx * k;
  const heightPt = heightPx * k;
  const content = zlib.deflateSync(Buffer.from(contentOf(lines, heightPt, k), 'latin1'));
  const objects: (string | { dict: string; data: Buffer })[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(widthPt)} ${num(heightPt)}] /Contents 4 0 R /Resources << /Font << /f-0-0 5 0 R >> >> >>`,
    { dict: '/Filter /FlateDecode', data: content },
    '<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /CIDToGIDMap 9 0 R /DW 500 >>',
    { dict: '', data: Buffer.from(TO_UNICODE, 'latin1') },
    '<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000] /ItalicAngle 0 /Ascent 1000 /Descent -1 /CapHeight 1000 /StemV 80 /FontFile2 10 0 R >>',
    { dict: '/Filter /FlateDecode', data: cidToGidMap() },
    { dict: `/Length1 ${GLYPHLESS_FONT.length}`, data: GLYPHLESS_FONT },
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const body =
      typeof o === 'string'
        ? [Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')]
        : [Buffer.from(`${i + 1} 0 obj\n<< /Length ${o.data.length} ${o.dict} >>\nstream\n`, 'latin1'), o.data, Buffer.from('\nendstream\nendobj\n', 'latin1')];
    for (const b of body) {
      parts.push(b);
      offset += b.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
