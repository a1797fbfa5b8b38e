// More pure logic of the 库房管理 screens: tab shortcuts, dashboard figures, the stocktake row range,
// the label grid, bytes ↔ base64 and unit names.
import { describe, expect, it } from 'vitest';
import type { CommunityRunCapacity } from '../../shared/storageTypes';
import { base64ToBytes, bytesToBase64, safeFileName } from '../../renderer/components/documents/documentBytes';
import { count, gaugeOf, runSegments, shortRuns } from '../../renderer/pages/storage/capacity/capacityFigures';
import { checkGrid } from '../../renderer/pages/storage/labels/labelGrid';
import { parseRowRange } from '../../renderer/pages/storage/stocktake/rowRange';
import { tabFromKey } from '../../renderer/pages/storage/tabs';
import { nextUnitName } from '../../renderer/pages/storage/unitPreview';

const key = (k: string, mods: { altKey?: boolean; ctrlKey?: boolean; code?: string } = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('tab shortcuts', () => {
  it('maps Alt+1…6 (by key or by code) and nothing else', () => {
    expect(tabFromKey(key('1', { altKey: true }))).toBe('rooms');
    expect(tabFromKey(key('3', { altKey: true }))).toBe('locate');
    expect(tabFromKey(key('¡', { altKey: true, code: 'Digit6' }))).toBe('stocktake');
    expect(tabFromKey(key('7', { altKey: true }))).toBeNull();
    expect(tabFromKey(key('1'))).toBeNull();
    expect(tabFromKey(key('1', { altKey: true, ctrlKey: true }))).toBeNull();
  });
});

const run = (over: Partial<CommunityRunCapacity>): CommunityRunCapacity => ({
  communityId: 1,
  communityName: '东风社区',
  firstPlace: 'a',
  lastPlace: 'b',
  shelves: 2,
  capacityMm: 1800,
  usedMm: 900,
  freeMm: 900,
  reserveMm: 300,
  files: 30,
  unplaced: 0,
  ...over,
});

describe('dashboard figures', () => {
  it('turns fill figures into gauge items in metres, reserve capped by free space', () => {
    const f = { capacityMm: 10_000, usedMm: 9_000, freeMm: 1_000, reservedMm: 2_500, fill: 0.9, files: 300, volumes: 300 };
    expect(gaugeOf('1', '一号库房', f)).toEqual({ key: '1', label: '一号库房', used: 9, capacity: 10, reserved: 1 });
  });

  it('splits a run into used / reserve / other free, and flags runs short of reserve', () => {
    expect(runSegments(run({})).values).toEqual([0.9, 0.3, 0.6]);
    expect(runSegments(run({ freeMm: 100 })).values).toEqual([0.9, 0.1, 0]);
    const runs = [run({}), run({ communityId: 2, freeMm: 100 }), run({ communityId: 3, unplaced: 4 })];
    expect(shortRuns(runs).map((r) => r.communityId)).toEqual([2, 3]);
  });
});

describe('stocktake row range', () => {
  it('accepts empty ends and rows within the unit', () => {
    expect(parseRowRange('', '', 12)).toEqual({ fromRow: null, toRow: null });
    expect(parseRowRange('３', '5', 12)).toEqual({ fromRow: 3, toRow: 5 });
  });

  it('refuses rows outside the unit or reversed', () => {
    expect(parseRowRange('13', '', 12)).toEqual({ error: '起始列应为 1–12 之间的整数（此密集架共 12 列），留空表示从第 1 列。' });
    expect(parseRowRange('', 'x', 12)).toEqual({ error: '结束列应为 1–12 之间的整数（此密集架共 12 列），留空表示到最后一列。' });
    expect(parseRowRange('5', '3', 12)).toEqual({ error: '起始列不能大于结束列。' });
  });
});

describe('label grid', () => {
  const text = { columns: '3', rows: '8', labelWidthMm: '63.5', labelHeightMm: '33.9', marginTopMm: '13', marginLeftMm: '7', gapXMm: '2.5', gapYMm: '0' };
  it('accepts a standard 3 × 8 A4 sheet', () => {
    expect(checkGrid(text)).toEqual({ grid: { columns: 3, rows: 8, labelWidthMm: 63.5, labelHeightMm: 33.9, marginTopMm: 13, marginLeftMm: 7, gapXMm: 2.5, gapYMm: 0 } });
  });

  it('says which field is out of range, and when the labels do not fit on A4', () => {
    expect(checkGrid({ ...text, columns: '2.5' })).toEqual({ error: '列数应为 1–10 之间的整数。' });
    expect(checkGrid({ ...text, labelHeightMm: '' })).toEqual({ error: '标签高应为 5–297 之间的数字。' });
    const wide = checkGrid({ ...text, columns: '4' });
    expect('error' in wide && wide.error).toContain('超过 A4 纸宽 210 mm');
    const tall = checkGrid({ ...text, rows: '9' });
    expect('error' in tall && tall.error).toContain('超过 A4 纸高 297 mm');
  });
});

describe('bytes and names', () => {
  it('round-trips bytes through base64, also past the chunk size', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const b64 = bytesToBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(b64)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('makes file names Windows accepts', () => {
    expect(safeFileName('移架清单 2026/11/22:1.pdf')).toBe('移架清单 2026_11_22_1.pdf');
    expect(safeFileName('  ')).toBe('文档');
  });

  it('suggests the next free unit name', () => {
    expect(nextUnitName([])).toBe('1号密集架');
    expect(nextUnitName([{ name: '1号密集架' }, { name: '3号密集架' }])).toBe('4号密集架');
    expect(nextUnitName([{ name: '甲' }, { name: '3号密集架' }])).toBe('4号密集架');
    expect(nextUnitName([{ name: '2号密集架' }])).toBe('3号密集架');
  });
});

describe('service counts', () => {
  it('treats a missing count as 0', () => {
    expect(count(null)).toBe(0);
    expect(count(undefined)).toBe(0);
    expect(count(Number.NaN)).toBe(0);
    expect(count(7)).toBe(7);
  });
});
