import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../electron/services/documents/pdf/text';

describe('CJK line breaking', () => {
  const size = 12;
  const width = (chars: number) => textWidth('国'.repeat(chars), size);

  it('breaks Chinese between characters and keeps every line within the width', () => {
    const s = '兹将张三、李四等一百名同志档案材料转往你单位，请按《企业退休人员人事档案案卷目录》清点查收，并将回执退回。';
    const lines = wrapText(s, width(10), size);
    expect(lines.join('')).toBe(s);
    expect(lines.length).toBeGreaterThan(4);
    for (const l of lines) expect(textWidth(l, size)).toBeLessThanOrEqual(width(10) + 0.01);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    for (let w = 4; w <= 14; w++) {
      const lines = wrapText('档案材料（第一号至第九号）转往你单位，请清点查收。《目录》已附。', width(w), size);
      for (const l of lines.slice(1)) expect('，。、；：？！）》」'.includes(l[0] ?? '')).toBe(false);
      for (const l of lines) expect('（《「'.includes(l[l.length - 1] ?? '')).toBe(false);
    }
  });

  it('keeps archive numbers and listed phrases whole, and splits only what is longer than a line', () => {
    const s = '第 CCSRS-0102-003-0001 号至 CCSRS-0102-003-0100 号，经办人欧阳晓明签收';
    for (let w = 12; w <= 20; w++) {
      const lines = wrapText(s, width(w), size, ['欧阳晓明']);
      expect(lines.some((l) => l.includes('CCSRS-0102-003-0001'))).toBe(true);
      expect(lines.some((l) => l.includes('CCSRS-0102-003-0100'))).toBe(true);
      expect(lines.some((l) => l.includes('欧阳晓明'))).toBe(true);
    }
    const long = wrapText('X'.repeat(60), width(5), size);
    expect(long.join('')).toBe('X'.repeat(60));
    for (const l of long) expect(textWidth(l, size)).toBeLessThanOrEqual(width(5) + 0.01);
  });

  it('keeps explicit line breaks and empty text', () => {
    expect(wrapText('第一行\n第二行', width(20), size)).toEqual(['第一行', '第二行']);
    expect(wrapText('', width(20), size)).toEqual(['']);
  });
});
