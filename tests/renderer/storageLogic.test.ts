// Pure logic behind the 库房管理 screens: the new-unit preview, scan clean-up, label ranges,
// forecast wording, the stocktake log and the unit diagram geometry.
import { describe, expect, it } from 'vitest';
import type { ScanResult, Shelf } from '../../shared/storageTypes';
import { addMonths, forecastLevel, forecastWording, metres, monthsBetween, projectMonthly } from '../../renderer/pages/storage/forecast';
import { etaText, expandRange, mapLimited, parseArchiveList } from '../../renderer/pages/storage/labelSelection';
import { frontCells, planRows } from '../../renderer/pages/storage/locate/diagram';
import { normalizeScan, queryKind } from '../../renderer/pages/storage/scanCode';
import { appendScan, countOutcomes, inScope, LOG_LIMIT, outcomeTone, progressText, stepShelf, walkOrder, type LoggedScan } from '../../renderer/state/storageScanLog';
import { checkUnit, EMPTY_UNIT, parseDecimal, parseWhole, previewText, unitPreview } from '../../renderer/pages/storage/unitPreview';

describe('新建密集架 preview and checks', () => {
  it('counts shelves and capacity for the issue example (12 × 6 × 5 × 2)', () => {
    const p = unitPreview(12, 6, 5, 'AB', 900, null, 30);
    expect(p).toEqual({ shelfCount: 720, volumesPerShelf: 30, totalVolumes: 21_600, totalMetres: 648 });
    expect(previewText(12, 6, 5, 'AB', p, true)).toBe('12 列 × 6 节 × 5 层 × 2 面 = 720 层，每层约 30 卷，共约 21,600 卷（648 米）');
    const single = unitPreview(2, 3, 4, 'A', null, 40, 25);
    expect(single).toEqual({ shelfCount: 24, volumesPerShelf: 40, totalVolumes: 960, totalMetres: 24 });
    expect(previewText(2, 3, 4, 'A', single, false)).toContain('每层40 卷，共960 卷');
  });

  it('accepts full-width digits and gives the create input', () => {
    expect(parseWhole('１２')).toBe(12);
    expect(parseWhole('1.5')).toBeNull();
    expect(parseDecimal('37.5')).toBe(37.5);
    expect(parseDecimal('abc')).toBeNull();
    const c = checkUnit({ ...EMPTY_UNIT, name: ' 1号密集架 ', rows: '１２', sections: '6', shelves: '5' }, 30);
    expect(c.errors).toEqual({});
    expect(c.input).toEqual({ name: '1号密集架', rows: 12, sections: 6, shelves: 5, sides: 'AB', shelfWidthMm: 900, shelfCapacityVolumes: null });
    expect(c.preview?.shelfCount).toBe(720);
  });

  it('says what is wrong with each field in Chinese', () => {
    const c = checkUnit({ ...EMPTY_UNIT, rows: '0', sections: 'x', shelves: '21', widthMm: '20' }, 30);
    expect(c.input).toBeNull();
    expect(c.errors.name).toContain('请填写密集架名称');
    expect(c.errors.rows).toBe('列数至少为 1');
    expect(c.errors.sections).toBe('节数应为整数');
    expect(c.errors.shelves).toBe('层数不能超过 20');
    expect(c.errors.widthMm).toContain('小于一卷档案的厚度（30 mm）');
    const v = checkUnit({ ...EMPTY_UNIT, name: 'a', rows: '1', sections: '1', shelves: '1', measure: 'volumes', capacityVolumes: '' }, 30);
    expect(v.errors.capacityVolumes).toBe('请填写每层容量（卷）');
    expect(v.errors.widthMm).toBeUndefined(); // the other measure is not checked
  });
});

describe('scans and queries', () => {
  it('cleans scanner output', () => {
    expect(normalizeScan('  ｃｃｓｒｓ－０１０２\r\n')).toBe('CCSRS-0102');
    expect(normalizeScan('\u0002CCSRS-0102-001-0001\u0003')).toBe('CCSRS-0102-001-0001');
    expect(normalizeScan(' 张 淑芬 ')).toBe('张淑芬');
  });

  it('guesses the kind of query for the hint', () => {
    expect(queryKind('11010519491231002x')).toBe('idNumber');
    expect(queryKind('张淑芬')).toBe('name');
    expect(queryKind('CCSRS-0102-001-0001')).toBe('archiveNo');
    expect(queryKind('   ')).toBe('empty');
  });
});

describe('label selection', () => {
  it('parses a pasted list, keeping order and dropping repeats', () => {
    expect(parseArchiveList('A-0001\nA-0003，a-0001; A-0002\t\n')).toEqual(['A-0001', 'A-0003', 'A-0002']);
    expect(parseArchiveList('  \n ')).toEqual([]);
  });

  it('expands a range within one community', () => {
    const r = expandRange('CCSRS-0102-001-0008', 'ccsrs-0102-001-0011');
    expect(r).toEqual({ ok: true, numbers: ['CCSRS-0102-001-0008', 'CCSRS-0102-001-0009', 'CCSRS-0102-001-0010', 'CCSRS-0102-001-0011'] });
  });

  it('refuses ranges that cannot be meant', () => {
    const cross = expandRange('A-001-0001', 'A-002-0005');
    expect(cross.ok).toBe(false);
    if (!cross.ok) expect(cross.message).toContain('不属于同一社区');
    const reversed = expandRange('A-0009', 'A-0002');
    expect(!reversed.ok && reversed.message).toContain('起始档号大于结束档号');
    const big = expandRange('A-00001', 'A-09999', 5000);
    expect(!big.ok && big.message).toContain('一次最多 5000 个');
    const noSeq = expandRange('ABC', 'ABD');
    expect(!noSeq.ok && noSeq.message).toContain('流水号');
  });

  it('words the time left from the pace so far', () => {
    expect(etaText(0, 1000, 0, 100)).toBeNull();
    expect(etaText(0, 1000, 100, 100)).toBeNull();
    expect(etaText(0, 1000, 10, 100)).toBe('约 9 秒');
    expect(etaText(0, 1000, 99, 100)).toBe('即将完成');
    expect(etaText(0, 10_000, 10, 200)).toBe('约 3 分钟');
  });

  it('maps with bounded concurrency, in order, with progress', async () => {
    let inFlight = 0;
    let peak = 0;
    const progress: number[] = [];
    const out = await mapLimited(
      [5, 1, 4, 2, 3],
      2,
      async (n) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, n));
        inFlight--;
        return n * 10;
      },
      (d) => progress.push(d),
    );
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(await mapLimited([], 4, async (n: number) => n)).toEqual([]);
  });
});

describe('forecast wording', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('projects the recent mean, ignoring months before any intake', () => {
    const actual = [
      { month: '2026-01', value: 0 },
      { month: '2026-02', value: 0 },
      { month: '2026-03', value: 30 },
      { month: '2026-04', value: 50 },
    ];
    const p = projectMonthly(actual, 3);
    expect(p.mean).toBe(40);
    expect(p.forecast).toEqual([
      { month: '2026-05', value: 40 },
      { month: '2026-06', value: 40 },
      { month: '2026-07', value: 40 },
    ]);
    expect(projectMonthly([{ month: '2026-01', value: 0 }]).forecast).toEqual([]);
  });

  it('words the full date and its urgency', () => {
    expect(monthsBetween('2026-11-22', '2028-03-21')).toBe(15);
    expect(monthsBetween('2026-11-22', '2026-01-01')).toBe(0);
    expect(forecastWording('2028-03-22', '2026-11-22', 1000, 5)).toBe('2028-03-22（约 16 个月后）');
    expect(forecastWording('2031-01-01', '2026-11-22', 1000, 5)).toBe('2031-01-01（约 4 年后）');
    expect(forecastWording('2026-12-01', '2026-11-22', 1000, 5)).toBe('2026-12-01（不足 1 个月）');
    expect(forecastWording('2026-11-01', '2026-11-22', 1000, 5)).toBe('已满（2026-11-01）');
    expect(forecastWording(null, '2026-11-22', 0, 0)).toBe('尚无密集架，无法预测');
    expect(forecastWording(null, '2026-11-22', 1000, 0)).toBe('尚无接收记录，无法预测');
    expect(forecastLevel('2027-02-01', '2026-11-22')).toBe('urgent');
    expect(forecastLevel('2027-08-01', '2026-11-22')).toBe('warn');
    expect(forecastLevel('2029-01-01', '2026-11-22')).toBe('ok');
    expect(forecastLevel(null, '2026-11-22')).toBe('ok');
    expect(metres(64_850)).toBe(64.9);
    expect(metres(45)).toBe(0.05);
    expect(metres(9_994)).toBe(9.99);
    expect(metres(Number.NaN)).toBe(0);
  });
});

const shelf = (id: number, row: number, side: 'A' | 'B', section: number, level: number): Shelf => ({
  id,
  unitId: 1,
  row,
  section,
  level,
  side,
  widthMm: 900,
  capacityVolumes: null,
  capacityMm: 900,
  usedMm: 0,
  fileCount: 0,
  place: `一号库房-${row}列-${section}节-${level}层-${side}面`,
});

const result = (outcome: ScanResult['outcome']): ScanResult => ({ outcome, code: 'X', message: '', archiveNo: null, name: null, belongsAt: null, scanned: 1, expected: 2 });

describe('盘点 log and walking order', () => {
  it('orders shelves as the clerk walks and steps through them', () => {
    const shelves = [shelf(1, 2, 'A', 1, 1), shelf(2, 1, 'B', 1, 1), shelf(3, 1, 'A', 2, 1), shelf(4, 1, 'A', 1, 2), shelf(5, 1, 'A', 1, 1)];
    const order = walkOrder(shelves).map((s) => s.id);
    expect(order).toEqual([5, 4, 3, 2, 1]);
    const ordered = walkOrder(shelves);
    expect(stepShelf(ordered, 5, 1)?.id).toBe(4);
    expect(stepShelf(ordered, 5, -1)?.id).toBe(5);
    expect(stepShelf(ordered, 1, 1)?.id).toBe(1);
    expect(stepShelf(ordered, 999, 1)?.id).toBe(5);
    expect(stepShelf([], null, 1)).toBeNull();
    expect(inScope(shelf(9, 3, 'A', 1, 1), 2, 4)).toBe(true);
    expect(inScope(shelf(9, 5, 'A', 1, 1), 2, 4)).toBe(false);
    expect(inScope(shelf(9, 5, 'A', 1, 1), null, null)).toBe(true);
  });

  it('keeps the newest scans first, bounded, and counts outcomes', () => {
    let log: LoggedScan[] = [];
    log = appendScan(log, { seq: 1, at: '', shelfPlace: '', result: result('found') });
    log = appendScan(log, { seq: 2, at: '', shelfPlace: '', result: result('misplaced') });
    log = appendScan(log, { seq: 3, at: '', shelfPlace: '', result: result('found') });
    expect(log.map((e) => e.seq)).toEqual([3, 2, 1]);
    const counts = countOutcomes(log);
    expect(counts.found).toBe(2);
    expect(counts.misplaced).toBe(1);
    expect(counts.rejected).toBe(0);
    for (let i = 0; i < LOG_LIMIT + 10; i++) log = appendScan(log, { seq: 10 + i, at: '', shelfPlace: '', result: result('found') });
    expect(log.length).toBe(LOG_LIMIT);
    expect(outcomeTone('found')).toBe('good');
    expect(outcomeTone('misplaced')).toBe('warn');
    expect(outcomeTone('rejected')).toBe('bad');
    expect(outcomeTone('unexpected')).toBe('bad');
    expect(progressText(3, 8)).toBe('已扫 3 / 应有 8 份（37%）');
    expect(progressText(0, 0)).toBe('已扫 0 份（范围内应有 0 份）');
  });
});

describe('unit diagram', () => {
  it('lays out sections × shelves and marks the target', () => {
    const cells = frontCells(6, 5, { section: 2, level: 4 }, 120, 100);
    expect(cells).toHaveLength(30);
    const t = cells.filter((c) => c.target);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ section: 2, level: 4, x: 20, y: 60, w: 20, h: 20 });
    expect(frontCells(2, 2, null, 10, 10).some((c) => c.target)).toBe(false);
  });

  it('windows long units around the target row', () => {
    expect(planRows(5, 3)).toEqual([1, 2, 3, 4, 5]);
    const rows = planRows(100, 50, 24);
    expect(rows[0]).toBe(1);
    expect(rows[rows.length - 1]).toBe(100);
    expect(rows).toContain(50);
    expect(rows.filter((r) => r === 'gap')).toHaveLength(2);
    expect(rows.length).toBeLessThanOrEqual(24);
    expect(planRows(100, 1, 24)).toEqual([...Array.from({ length: 21 }, (_, i) => i + 1), 'gap', 100]);
    expect(planRows(100, 100, 24)).toEqual([1, 'gap', ...Array.from({ length: 20 }, (_, i) => i + 80), 100]);
  });
});
