/** What the OCR code hands tesseract and reads back: greyscale PGM in, TSV lines out. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fromPgm, toPgm } from '../../electron/services/digitization/ocr/pgm';
import { linesFromTsv } from '../../electron/services/digitization/ocr/tsv';

describe('PGM', () => {
  it('round-trips greyscale pixels and refuses anything that is not an 8-bit binary PGM', async () => {
    const data = Uint8Array.from({ length: 6 * 4 }, (_, i) => i * 10);
    const pgm = toPgm({ data, width: 6, height: 4 });
    expect(pgm.subarray(0, 11).toString('latin1')).toBe('P5\n6 4\n255\n');
    const back = fromPgm(pgm);
    expect(back && [back.width, back.height, [...back.data]]).toEqual([6, 4, [...data]]);
    const png = await sharp(Buffer.from(data), { raw: { width: 6, height: 4, channels: 1 } }).png().toBuffer();
    expect(fromPgm(png)).toBeNull();
    expect(fromPgm(pgm.subarray(0, pgm.length - 1))).toBeNull(); // truncated
    expect(fromPgm(Buffer.from('P5\n6 4\n65535\n'))).toBeNull();
  });
});

describe('TSV lines', () => {
  it('groups words into lines and numbers paragraphs, skipping empty words and lines', () => {
    const row = (level: number, block: number, par: number, line: number, word: number, box: number[], conf: number, text = '') =>
      [level, 1, block, par, line, word, ...box, conf, text].join('\t');
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      row(1, 0, 0, 0, 0, [0, 0, 1000, 1400], -1),
      row(2, 1, 0, 0, 0, [10, 10, 500, 100], -1),
      row(3, 1, 1, 0, 0, [10, 10, 500, 60], -1),
      row(4, 1, 1, 1, 0, [10, 10, 500, 20], -1),
      row(5, 1, 1, 1, 1, [10, 10, 40, 20], 91.5, '退休'),
      row(5, 1, 1, 1, 2, [60, 10, 40, 20], 88, 'Zhang'),
      row(4, 1, 1, 2, 0, [10, 40, 300, 20], -1),
      row(5, 1, 1, 2, 1, [10, 40, 40, 20], 95, ' '),
      row(3, 1, 2, 0, 0, [10, 80, 500, 30], -1),
      row(4, 1, 2, 1, 0, [10, 80, 200, 20], -1),
      row(5, 1, 2, 1, 1, [10, 80, 40, 20], 70, '审批'),
      '',
    ].join('\n');
    const lines = linesFromTsv(tsv);
    expect(lines.map((l) => [l.paragraph, l.words.map((w) => w.text)])).toEqual([
      [0, ['退休', 'Zhang']],
      [1, ['审批']],
    ]);
    expect(lines[0]?.words[1]).toEqual({ text: 'Zhang', confidence: 88, bbox: { x0: 60, y0: 10, x1: 100, y1: 30 } });
    expect(lines[0]?.bbox).toEqual({ x0: 10, y0: 10, x1: 510, y1: 30 });
    expect(linesFromTsv('')).toEqual([]);
  });
});
