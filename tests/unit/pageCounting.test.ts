import { describe, expect, it } from 'vitest';
import { checkPageSequence, itemPageCounts, itemSerials, volumePageCount, type StripPage } from '../../shared/pageCounting';

const strip = (spec: string): StripPage[] =>
  // p = counted page, b = blank side, c = cover; ids are 1-based positions; printed numbers run over counted pages
  [...spec].map((k, i) => ({ id: i + 1, kind: k === 'b' ? 'blank' : k === 'c' ? 'cover' : 'page', printedNumber: null }));

describe('page counting (domain.md §5)', () => {
  it('counts written sides only: covers and blank sides are not pages', () => {
    expect(volumePageCount(strip('cppbpc'))).toBe(3);
    expect(volumePageCount([])).toBe(0);
  });

  it('gives each item the counted pages up to the next item, in strip order', () => {
    const pages = strip('cppbpppbp');
    const items = [
      { itemKey: 'b', startPageId: 5, classCode: '1' },
      { itemKey: 'a', startPageId: 2, classCode: '1' },
      { itemKey: 'gone', startPageId: 99, classCode: '2' },
    ];
    const { perItem, unassigned } = itemPageCounts(pages, items);
    expect(perItem.get('a')).toBe(2); // pages 2,3 (4 is blank)
    expect(perItem.get('b')).toBe(4); // 5,6,7,9
    expect(perItem.get('gone')).toBe(0);
    expect(unassigned).toBe(0); // the cover before the first item is not a page
    expect(itemPageCounts(strip('ppp'), [{ itemKey: 1, startPageId: 3, classCode: '1' }]).unassigned).toBe(2);
  });

  it('numbers 序号 per class in strip order (1-1, 1-2, 4-1-1 …)', () => {
    const pages = strip('pppppp');
    const items = [
      { itemKey: 'x', startPageId: 6, classCode: '4-1' },
      { itemKey: 'y', startPageId: 1, classCode: '1' },
      { itemKey: 'z', startPageId: 3, classCode: '1' },
      { itemKey: 'w', startPageId: 4, classCode: '4-1' },
    ];
    const s = itemSerials(pages, items);
    expect([s.get('y'), s.get('z'), s.get('w'), s.get('x')]).toEqual(['1-1', '1-2', '4-1-1', '4-1-2']);
  });

  it('flags gaps, repeats and unread numbers among counted pages only', () => {
    const pages: StripPage[] = [
      { id: 1, kind: 'cover', printedNumber: null },
      { id: 2, kind: 'page', printedNumber: 1 },
      { id: 3, kind: 'page', printedNumber: 2 },
      { id: 4, kind: 'blank', printedNumber: null },
      { id: 5, kind: 'page', printedNumber: 5 },
      { id: 6, kind: 'page', printedNumber: 5 },
      { id: 7, kind: 'page', printedNumber: null },
    ];
    expect(checkPageSequence(pages)).toEqual([
      { kind: 'gap', afterPageId: 3, missing: [3, 4] },
      { kind: 'repeat', pageId: 6, number: 5 },
      { kind: 'unread', pageId: 7 },
    ]);
    expect(checkPageSequence([{ id: 9, kind: 'page', printedNumber: 3 }])).toEqual([{ kind: 'gap', afterPageId: 0, missing: [1, 2] }]);
    expect(checkPageSequence([{ id: 1, kind: 'page', printedNumber: 1 }, { id: 2, kind: 'page', printedNumber: 2 }])).toEqual([]);
  });
});
