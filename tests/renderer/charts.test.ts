// The SVG charts: axis scaling and wording as pure functions, and the rendered markup (accessible
// name, data-table fallback, bar lengths) through react-dom/server — no DOM needed.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { axisScale, FillGauge, fillLevel, fillPercent, formatCount, formatPercent, labelStep, linear, monthLabel, MonthlyColumns, niceMax, segmentWidths, StackedBar, stackTotal, ticks } from '../../renderer/components/charts';

describe('chart scaling', () => {
  it('rounds the axis top up to 1/2/2.5/5 × 10^n', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-5)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(26)).toBe(50);
    expect(niceMax(0.3)).toBe(0.5);
    expect(niceMax(0.1 + 0.2)).toBe(0.5);
    expect(niceMax(0.2)).toBe(0.2);
    expect(niceMax(48_213)).toBe(50_000);
  });

  it('spaces ticks evenly from zero to the top', () => {
    expect(ticks(50_000)).toEqual([0, 12_500, 25_000, 37_500, 50_000]);
    expect(ticks(1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(10, 0)).toEqual([0, 10]);
  });

  it('picks whole-number count axes that fit the data', () => {
    expect(axisScale(0, 4, true)).toEqual({ top: 1, ticks: [0, 1] });
    expect(axisScale(3, 4, true)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(axisScale(80, 4, true)).toEqual({ top: 80, ticks: [0, 20, 40, 60, 80] });
    expect(axisScale(81, 4, true)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
    expect(axisScale(9, 4, true)).toEqual({ top: 10, ticks: [0, 5, 10] });
    expect(axisScale(1, 4, false)).toEqual({ top: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(axisScale(Number.NaN, 4, true).top).toBe(1);
  });

  it('maps values to pixels and clamps what would draw outside', () => {
    const x = linear(200, 400);
    expect(x(0)).toBe(0);
    expect(x(50)).toBe(100);
    expect(x(200)).toBe(400);
    expect(x(300)).toBe(400);
    expect(x(-1)).toBe(0);
    expect(x(Number.NaN)).toBe(0);
    expect(linear(0, 400)(1)).toBe(400); // an empty domain must not divide by zero
  });

  it('computes and words fill levels', () => {
    expect(fillPercent(50, 200)).toBe(25);
    expect(fillPercent(5, 0)).toBeNull();
    expect(fillLevel(null)).toBe('unknown');
    expect(fillLevel(84.9)).toBe('ok');
    expect(fillLevel(85)).toBe('warn');
    expect(fillLevel(95)).toBe('full');
    expect(fillLevel(120)).toBe('full');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(5.25)).toBe('5.3%');
    expect(formatPercent(5)).toBe('5%');
    expect(formatPercent(87.6)).toBe('88%');
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(123_456)).toBe('12.3万');
    expect(formatCount(200_000)).toBe('20万');
  });

  it('splits a bar into segments that add up exactly', () => {
    const w = segmentWidths([1, 1, 1], 100);
    expect(w.reduce((a, b) => a + b, 0)).toBe(100);
    expect(w).toEqual([33, 34, 33]);
    expect(segmentWidths([0, -3, Number.NaN], 100)).toEqual([0, 0, 0]);
    expect(segmentWidths([3, 0, 1], 80)).toEqual([60, 0, 20]);
    expect(stackTotal({ key: 'a', label: 'a', values: [2, -1, 3] })).toBe(5);
  });

  it('labels months readably without overlap', () => {
    expect(monthLabel('2026-03', false)).toBe('3月');
    expect(monthLabel('2026-03', true)).toBe('2026年3月');
    expect(monthLabel('2027-01', false)).toBe('2027年1月');
    expect(monthLabel('bad', false)).toBe('bad');
    expect(labelStep(12)).toBe(1);
    expect(labelStep(24)).toBe(2);
    expect(labelStep(37)).toBe(4);
  });
});

describe('chart markup', () => {
  it('FillGauge: named SVG, bar lengths by fill, level colours, data table', () => {
    const html = renderToStaticMarkup(
      createElement(FillGauge, {
        title: '各库房已用容量',
        unit: '卷',
        testId: 'g',
        items: [
          { key: 'a', label: '一号库房', used: 500, capacity: 1000, reserved: 100 },
          { key: 'b', label: '二号库房', used: 960, capacity: 1000 },
        ],
      }),
    );
    expect(html).toContain('<figcaption');
    expect(html).toContain('各库房已用容量');
    expect(html).toMatch(/role="img" aria-labelledby="[^"]+-title"/);
    expect(html).toContain('最满的是「二号库房」，已用 96%');
    // Bar area is 640 - 150 - 70 = 420 px: half full → 210, reserved 10 % → 42.
    expect(html).toContain('width="210"');
    expect(html).toContain('width="42"');
    expect(html).toContain('data-level="full"');
    expect(html).toContain('data-level="ok"');
    expect(html).toContain('data-testid="g-table"');
    expect(html).toContain('<td>一号库房</td><td class="num">1000</td><td class="num">500</td><td class="num">100</td><td class="num">400</td><td>50%</td>');
  });

  it('StackedBar: shared scale across categories and a total per bar', () => {
    const html = renderToStaticMarkup(
      createElement(StackedBar, {
        title: '各社区排架空间',
        unit: '卷',
        series: [
          { label: '已用', className: 'chart-s1' },
          { label: '空闲', className: 'chart-s3' },
        ],
        categories: [
          { key: '1', label: '东关社区', values: [30, 20] },
          { key: '2', label: '西关社区', values: [100, 0] },
        ],
      }),
    );
    // Top is 100 → 420 px; 30 + 20 = 50 → 210 px split 126 + 84.
    expect(html).toContain('width="126"');
    expect(html).toContain('width="84"');
    expect(html).toContain('width="420"');
    expect(html).toContain('<th scope="col">合计（卷）</th>');
    expect(html).toContain('<td>东关社区</td><td class="num">30</td><td class="num">20</td><td class="num">50</td>');
  });

  it('MonthlyColumns: columns, dashed forecast from the last actual month, table rows typed', () => {
    const html = renderToStaticMarkup(
      createElement(MonthlyColumns, {
        title: '每月接收',
        unit: '卷',
        actual: [
          { month: '2026-01', value: 40 },
          { month: '2026-02', value: 80 },
        ],
        forecast: [{ month: '2026-03', value: 60.4 }],
        reference: { label: '月均', value: 60 },
      }),
    );
    expect(html.match(/<rect /g)?.length).toBe(2);
    expect(html).toContain('class="chart-forecast-line"');
    expect(html.match(/<circle /g)?.length).toBe(1);
    expect(html).toContain('2 个月共 120 卷');
    expect(html).toContain('<td>2026-03</td><td class="num">60</td><td>预测</td>');
    expect(html).toContain('2026年1月');
    // Axis for 80 (whole numbers): ticks 0, 20, 40, 60, 80.
    expect(html).toContain('>60</text>');
    expect(html).not.toContain('>75</text>');
  });

  it('empty data says so instead of drawing nothing', () => {
    const html = renderToStaticMarkup(createElement(MonthlyColumns, { title: '每月接收', unit: '卷', actual: [] }));
    expect(html).toContain('暂无数据');
  });
});
