/**
 * The JPEG header reader (jpeg/header.ts) against sharp's metadata(), which it stands in for in
 * phase (a): every JFIF/EXIF resolution variant it answers must match sharp exactly, the plain
 * ones must be answered (not left to sharp), and damaged headers never make it throw or disagree.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileHeader } from '../../electron/services/intake/check/fileHeader';
import { readJpegHeader } from '../../electron/services/intake/check/jpeg/header';

/** A JPEG from sharp with its APPn segments removed, so the test decides what they say. */
async function bareJpeg(width: number, height: number): Promise<Buffer> {
  const j = await sharp({ create: { width, height, channels: 3, background: '#e8e4dc' } }).jpeg().toBuffer();
  const parts: Buffer[] = [j.subarray(0, 2)];
  for (let p = 2; ; ) {
    const m = j[p + 1]!;
    const len = j.readUInt16BE(p + 2);
    if (m === 0xda) {
      parts.push(j.subarray(p));
      break;
    }
    if (m < 0xe0 || m > 0xef) parts.push(j.subarray(p, p + 2 + len));
    p += 2 + len;
  }
  return Buffer.concat(parts);
}

function segment(marker: number, body: Buffer): Buffer {
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([h, body]);
}

function jfif(unit: number, x: number, y: number): Buffer {
  const b = Buffer.alloc(14);
  b.write('JFIF\0', 0, 'latin1');
  b[5] = 1;
  b[6] = 1;
  b[7] = unit;
  b.writeUInt16BE(x, 8);
  b.writeUInt16BE(y, 10);
  return segment(0xe0, b);
}

interface Tag {
  tag: number;
  type: number;
  value: number | [number, number];
}

const X = (num: number, den = 1): Tag => ({ tag: 0x011a, type: 5, value: [num, den] });
const Y = (num: number, den = 1): Tag => ({ tag: 0x011b, type: 5, value: [num, den] });
const UNIT = (u: number, type = 3): Tag => ({ tag: 0x0128, type, value: u });

/** An APP1 EXIF segment whose IFD0 holds exactly these tags (rationals stored after the IFD). */
function exif(tags: Tag[], littleEndian: boolean): Buffer {
  const ifd = 8;
  const data = ifd + 2 + tags.length * 12 + 4;
  const t = Buffer.alloc(data + tags.length * 8);
  const w16 = (o: number, v: number) => (littleEndian ? t.writeUInt16LE(v, o) : t.writeUInt16BE(v, o));
  const w32 = (o: number, v: number) => (littleEndian ? t.writeUInt32LE(v, o) : t.writeUInt32BE(v, o));
  t.write(littleEndian ? 'II' : 'MM', 0, 'latin1');
  w16(2, 42);
  w32(4, ifd);
  w16(ifd, tags.length);
  tags.forEach((g, i) => {
    const e = ifd + 2 + i * 12;
    w16(e, g.tag);
    w16(e + 2, g.type);
    w32(e + 4, 1);
    if (Array.isArray(g.value)) {
      w32(e + 8, data + i * 8);
      w32(data + i * 8, g.value[0]);
      w32(data + i * 8 + 4, g.value[1]);
    } else if (g.type === 3) w16(e + 8, g.value);
    else w32(e + 8, g.value);
  });
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t]));
}

let bare: Buffer;
const withSegments = (...segs: Buffer[]) => Buffer.concat([bare.subarray(0, 2), ...segs, bare.subarray(2)]);

async function sharpSays(file: Buffer): Promise<{ width?: number; height?: number; density?: number } | 'error'> {
  try {
    const m = await sharp(file, { limitInputPixels: false }).metadata();
    return { width: m.width, height: m.height, density: m.density };
  } catch {
    return 'error';
  }
}

beforeAll(async () => {
  bare = await bareJpeg(97, 61);
});

describe('JPEG header reader', () => {
  it('gives sharp’s size and density for every resolution variant it answers, and answers the plain ones', async () => {
    const plain: [string, Buffer][] = [['no resolution', withSegments()]];
    for (const unit of [0, 1, 2]) for (const d of [1, 2, 72, 96, 118, 150, 300, 600]) plain.push([`JFIF unit ${unit} ${d}`, withSegments(jfif(unit, d, d))]);
    plain.push(['JFIF 300×1', withSegments(jfif(1, 300, 1))], ['JFIF 1×300', withSegments(jfif(1, 1, 300))], ['JFIF 300×150', withSegments(jfif(1, 300, 150))]);
    for (const le of [true, false]) {
      for (const unit of [2, 3]) {
        for (const [n, d] of [[300, 1], [3000, 10], [72, 1], [25, 1], [26, 1], [118, 1]] as const) {
          plain.push([`EXIF ${le ? 'II' : 'MM'} unit ${unit} ${n}/${d}`, withSegments(exif([X(n, d), Y(n, d), UNIT(unit)], le))]);
          // EXIF wins over JFIF whichever comes first.
          plain.push([`JFIF 200 + EXIF ${unit} ${n}/${d}`, withSegments(jfif(1, 200, 200), exif([X(n, d), Y(n, d), UNIT(unit)], le))]);
          plain.push([`EXIF ${unit} ${n}/${d} + JFIF 200`, withSegments(exif([X(n, d), Y(n, d), UNIT(unit)], le), jfif(1, 200, 200))]);
        }
      }
      plain.push([`EXIF without resolution tags ${le}`, withSegments(jfif(1, 200, 200), exif([{ tag: 0x010f, type: 2, value: 0x41424300 }], le))]);
    }
    const unsure: [string, Buffer][] = [
      ['EXIF unit 1', withSegments(exif([X(300), Y(300), UNIT(1)], true))],
      ['EXIF unit 4', withSegments(jfif(1, 300, 300), exif([X(300), Y(300), UNIT(4)], true))],
      ['EXIF 300/0', withSegments(exif([X(300, 0), Y(300, 0), UNIT(2)], true))],
      ['EXIF without unit', withSegments(jfif(1, 200, 200), exif([X(300), Y(300)], false))],
      ['EXIF without YResolution', withSegments(jfif(1, 200, 200), exif([X(300), UNIT(2)], false))],
      ['EXIF XResolution as SHORT', withSegments(exif([{ tag: 0x011a, type: 3, value: 300 }, Y(300), UNIT(2)], true))],
      ['EXIF unit as LONG', withSegments(exif([X(300), Y(300), UNIT(2, 4)], true))],
      ['two EXIF segments', withSegments(exif([X(300), Y(300), UNIT(2)], true), exif([X(150), Y(150), UNIT(2)], true))],
      ['two JFIF segments', withSegments(jfif(1, 150, 150), jfif(1, 300, 300))],
      ['JFIF unit 3', withSegments(jfif(3, 300, 300))],
      ['EXIF garbage', withSegments(segment(0xe1, Buffer.from('Exif\0\0garbage', 'latin1')))],
    ];
    const answered = new Set<string>();
    for (const [name, file] of [...plain, ...unsure]) {
      const ours = readJpegHeader(file);
      const theirs = await sharpSays(file);
      expect(theirs, name).not.toBe('error');
      if (ours) {
        answered.add(name);
        expect({ width: ours.width, height: ours.height, density: ours.density }, name).toEqual(theirs);
      }
    }
    for (const [name] of plain) expect(answered.has(name), `${name} is read without sharp`).toBe(true);
    // Spot checks that the comparison means something: real values, not all-equal defaults.
    expect(readJpegHeader(withSegments(jfif(1, 300, 300)))?.density).toBe(300);
    expect(readJpegHeader(withSegments(exif([X(118), Y(118), UNIT(3)], false)))?.density).toBe(300);
    expect(readJpegHeader(withSegments(jfif(1, 1, 1)))?.density).toBe(72);
    expect(readJpegHeader(withSegments(exif([X(25), Y(25), UNIT(2)], true)))?.density).toBeUndefined();
    expect(readJpegHeader(withSegments())).toMatchObject({ width: 97, height: 61 });
  });

  it('leaves to sharp what it does not read plainly: progressive, 12-bit, truncated, not JPEG', async () => {
    const progressive = await sharp(bare).jpeg({ progressive: true }).toBuffer();
    expect(readJpegHeader(progressive)).toMatchObject({ width: 97, height: 61 });
    const twelveBit = Buffer.from(bare);
    const sof = twelveBit.indexOf(Buffer.from([0xff, 0xc0]));
    twelveBit[sof + 4] = 12;
    expect(readJpegHeader(twelveBit)).toBeNull();
    const sos = bare.indexOf(Buffer.from([0xff, 0xda]));
    for (const cut of [0, 2, 3, 20, sof + 6, sos, sos + 5]) expect(readJpegHeader(bare.subarray(0, cut)), `cut at ${cut}`).toBeNull();
    expect(readJpegHeader(Buffer.from('not an image at all'))).toBeNull();
  });

  it('never throws on damaged headers, and agrees with sharp whenever both read one', async () => {
    const sos = bare.indexOf(Buffer.from([0xff, 0xda]));
    const base = withSegments(jfif(1, 300, 300), exif([X(300), Y(300), UNIT(2)], true));
    const headerEnd = base.indexOf(Buffer.from([0xff, 0xda])) + 14;
    expect(sos).toBeGreaterThan(0);
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    let read = 0;
    let sharpOnly = 0;
    for (let i = 0; i < 300; i++) {
      const file = Buffer.from(base);
      for (let k = 0, n = 1 + rand(3); k < n; k++) file[rand(headerEnd)] = rand(256);
      const ours = readJpegHeader(file);
      const theirs = await sharpSays(file);
      if (ours) {
        read++;
        // A header sharp cannot read must not look readable here.
        expect(theirs, `variant ${i}`).not.toBe('error');
        if (theirs !== 'error') expect({ width: ours.width, height: ours.height, density: ours.density }, `variant ${i}`).toEqual(theirs);
      } else if (theirs !== 'error') sharpOnly++;
    }
    // Most single-byte damage leaves a header both can read (pixel data, a quantiser, EXIF text).
    expect(read).toBeGreaterThan(50);
    expect(sharpOnly).toBeGreaterThan(0);
  });

  it('phase (a) reports the same record with or without it', async () => {
    const file = withSegments(exif([X(200), Y(200), UNIT(2)], false));
    const limits = { maxImageBytes: 1e8, maxPixels: 1e8, maxTiffPages: 10 };
    const h = await fileHeader({ ok: true, bytes: file }, limits);
    expect(h).toMatchObject({ status: 'ok', format: 'jpeg', width: 97, height: 61, dpi: 200, tiffPages: 1 });
    // A 72-dpi default still means "not recorded".
    expect((await fileHeader({ ok: true, bytes: withSegments() }, limits)).dpi).toBeNull();
    // A header left to sharp and refused by it is still reported as damaged.
    const broken = Buffer.from(file);
    broken[broken.indexOf(Buffer.from([0xff, 0xc0])) + 9] = 9; // 9 components
    expect(await fileHeader({ ok: true, bytes: broken }, limits)).toMatchObject({ status: 'unreadable', problem: '图像文件头损坏' });
  });
});
