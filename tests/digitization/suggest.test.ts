import { describe, expect, it } from 'vitest';
import { findDates, linesFromWords, normaliseLine, suggestItem, suggestTitle } from '../../electron/services/digitization/suggest';

const word = (text: string, x: number, y: number, h: number) => ({ text, bbox: [x, y, x + h * text.length, y + h] as [number, number, number, number], confidence: 90 });

describe('item.suggest heuristics', () => {
  it('reads dates written the usual ways, as YYYY-MM-DD', () => {
    expect(findDates('填表日期：1985年3月12日')).toEqual(['1985-03-12']);
    expect(findDates('1985 年 3 月 12 日')).toEqual(['1985-03-12']);
    expect(findDates('签发 1985.3.12，另见 1990-11-02')).toEqual(['1985-03-12', '1990-11-02']);
    expect(findDates('一九八五年三月十二日')).toEqual(['1985-03-12']);
    expect(findDates('二〇〇三年十二月三十一日')).toEqual(['2003-12-31']);
    expect(findDates('19850312')).toEqual(['1985-03-12']);
    // Not dates: impossible days, and eight digits inside an ID number.
    expect(findDates('1985年2月30日')).toEqual([]);
    expect(findDates('身份证 110105195503121234')).toEqual([]);
  });

  it('drops the spaces OCR puts between Chinese characters', () => {
    expect(normaliseLine('干 部 履 历 表')).toBe('干部履历表');
    expect(normaliseLine('Form  A 表')).toBe('Form A 表');
  });

  it('takes the first prominent line near the top as the title', () => {
    const words = [
      word('- 3 -', 500, 20, 20),
      word('干', 300, 100, 60),
      word('部', 360, 100, 60),
      word('履历表', 420, 102, 60),
      word('姓名', 100, 300, 30),
      word('张三', 200, 302, 30),
      word('出生', 100, 400, 30),
      word('1935年5月', 200, 400, 30),
    ];
    expect(linesFromWords(words).map((l) => l.text)).toEqual(['- 3 -', '干部履历表', '姓名张三', '出生 1935年5月']);
    expect(suggestTitle('', words)).toBe('干部履历表');
    // Without word boxes: the first line that is not a page number.
    expect(suggestTitle('第 3 页\n退 休 审 批 表\n姓名 张三')).toBe('退休审批表');
  });

  it('suggests the last full date on the page (the signing date) and nothing when there is no text', () => {
    const s = suggestItem({ text: '退 休 审 批 表\n出生日期 1935年5月6日\n\n单位盖章\n1995年6月1日', words: [] });
    expect(s).toEqual({ title: '退休审批表', formedOn: '1995-06-01' });
    expect(suggestItem(null)).toEqual({ title: '', formedOn: null });
    expect(suggestItem({ text: '   ', words: [] })).toEqual({ title: '', formedOn: null });
  });
});
