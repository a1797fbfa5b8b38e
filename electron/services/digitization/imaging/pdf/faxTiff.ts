/**
 * CCITT fax images in scanner PDFs (the usual compression for black-and-white pages) decoded by
 * wrapping the stream, unchanged, in a one-strip TIFF that libtiff (inside sharp) reads natively.
 * No fax decoder of our own: the TIFF is a 200-byte header in front of the PDF's bytes.
 */

export interface FaxParams {
  /** <0: Group 4; 0: Group 3 one-dimensional; >0: Group 3 two-dimensional. */
  k: number;
  columns: number;
  rows: number;
  /** Whether black runs render black (after BlackIs1 and /Decode are taken together). */
  blackIsBlack: boolean;
  encodedByteAlign: boolean;
}

/** Little-endian TIFF with one IFD and the fax data as its single strip. */
export function faxToTiff(data: Uint8Array, p: FaxParams): Buffer {
  const compression = p.k < 0 ? 4 : 3;
  // T4Options bit 0: 2-D coding; bit 2: fill bits before EOL (EncodedByteAlign). T6Options: 0.
  const t4 = (p.k > 0 ? 1 : 0) | (p.encodedByteAlign ? 4 : 0);
  const entries: [tag: number, type: 3 | 4, value: number][] = [
    [256, 4, p.columns], // ImageWidth
    [257, 4, p.rows], // ImageLength
    [258, 3, 1], // BitsPerSample
    [259, 3, compression],
    // WhiteIsZero: fax black runs are 1 bits and show black; BlackIsZero shows them white.
    [262, 3, p.blackIsBlack ? 0 : 1],
    [273, 4, 0], // StripOffsets, patched below
    [277, 3, 1], // SamplesPerPixel
    [278, 4, p.rows], // RowsPerStrip
    [279, 4, data.length], // StripByteCounts
    [compression === 4 ? 293 : 292, 4, compression === 4 ? 0 : t4],
  ];
  const ifdOffset = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataOffset = ifdOffset + ifdSize;
  const head = Buffer.alloc(dataOffset);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(ifdOffset, 4);
  head.writeUInt16LE(entries.length, ifdOffset);
  entries.forEach(([tag, type, value], k) => {
    const e = ifdOffset + 2 + k * 12;
    head.writeUInt16LE(tag, e);
    head.writeUInt16LE(type, e + 2);
    head.writeUInt32LE(1, e + 4);
    const v = tag === 273 ? dataOffset : value;
    if (type === 3) head.writeUInt16LE(v, e + 8);
    else head.writeUInt32LE(v, e + 8);
  });
  head.writeUInt32LE(0, ifdOffset + 2 + entries.length * 12); // no next IFD
  return Buffer.concat([head, data]);
}
