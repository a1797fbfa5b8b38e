// Pure logic behind the intake screens: scan matching, desk-count totals, finding groups.
import { describe, expect, it } from 'vitest';
import { deskTotals, lineState, mismatchText, totalsLine, type DeskLine } from '../../renderer/pages/intake/deskTotals';
import { barWidths, countBySeverity, filterFindings, groupByPerson, type FindingLike } from '../../renderer/pages/intake/findingGroups';
import { matchScan, normaliseScan, parseCount, parseThickness } from '../../renderer/pages/intake/scanEntry';
import { checkDigitFor } from '../../shared/idNumber';

const id = (first17: string) => `${first17}${checkDigitFor(first17)}`;
const A = id('11010519491231002');
const B = id('11010519500101003');
const C = id('11010519510202124');
const roster = [
  { idNumber: A, name: '张淑芬' },
  { idNumber: B, name: '李建国' },
  { idNumber: C, name: '李建国' },
];

describe('matchScan', () => {
  it('matches a scanned full ID number, with scanner noise removed', () => {
    expect(matchScan(A, roster)).toEqual({ kind: 'match', index: 0 });
    expect(matchScan(`  '${B} `, roster)).toEqual({ kind: 'match', index: 1 });
    expect(matchScan(`="${C}"`, roster)).toEqual({ kind: 'match', index: 2 });
    expect(normaliseScan('１１０１０５ 1949')).toBe('1101051949');
  });
  it('accepts a lower-case x check character', () => {
    const x = roster.map((r) => r.idNumber).find((s) => s.endsWith('X'));
    const withX = x ?? `${'11010519491231002'.slice(0, 17)}X`;
    const r = matchScan(withX.toLowerCase(), [{ idNumber: withX, name: '某' }]);
    expect(r).toEqual({ kind: 'match', index: 0 });
  });
  it('says a full ID not in the roster is not there', () => {
    const r = matchScan(id('11010519600101001'), roster);
    expect(r.kind).toBe('none');
    if (r.kind === 'none') expect(r.message).toContain('名册中没有身份证号');
  });
  it('matches a unique tail of at least 4 digits, refuses shorter ones', () => {
    expect(matchScan(A.slice(-6), roster)).toEqual({ kind: 'match', index: 0 });
    const short = matchScan(A.slice(-3), roster);
    expect(short.kind).toBe('none');
    if (short.kind === 'none') expect(short.message).toContain('末 4 位');
  });
  it('matches a unique name, and asks for the ID when two share it', () => {
    expect(matchScan('张淑芬', roster)).toEqual({ kind: 'match', index: 0 });
    const r = matchScan('李建国', roster);
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') {
      expect(r.indexes).toEqual([1, 2]);
      expect(r.message).toContain('2 人');
    }
  });
  it('asks for input when empty', () => {
    expect(matchScan('   ', roster).kind).toBe('none');
  });
});

describe('parseCount', () => {
  it('reads whole numbers, full-width too; empty is not counted', () => {
    expect(parseCount('12', '页数')).toEqual({ ok: true, value: 12 });
    expect(parseCount('１２', '页数')).toEqual({ ok: true, value: 12 });
    expect(parseCount(' ', '卷数')).toEqual({ ok: true, value: null });
    expect(parseCount('0', '卷数')).toEqual({ ok: true, value: 0 });
  });
  it('rejects negatives, decimals and words with a message naming the field', () => {
    for (const bad of ['-1', '1.5', '三']) {
      const r = parseCount(bad, '卷数');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('卷数');
    }
  });
});

describe('parseThickness', () => {
  it('is optional, takes decimals and a trailing mm', () => {
    expect(parseThickness('')).toEqual({ ok: true, value: null });
    expect(parseThickness('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseThickness('３０mm')).toEqual({ ok: true, value: 30 });
  });
  it('refuses words, negatives and more than 2000 mm', () => {
    for (const bad of ['厚', '-3', '2500', '1.234']) expect(parseThickness(bad).ok).toBe(false);
  });
});

describe('desk totals', () => {
  const line = (rv: number | null, rp: number | null, cv: number | null, cp: number | null): DeskLine => ({
    rosterVolumes: rv,
    rosterPages: rp,
    countedVolumes: cv,
    countedPages: cp,
  });
  it('classifies a line as pending, ok or mismatch', () => {
    expect(lineState(line(1, 50, null, null))).toBe('pending');
    expect(lineState(line(1, 50, 1, null))).toBe('pending');
    expect(lineState(line(1, 50, 1, 50))).toBe('ok');
    expect(lineState(line(1, 50, 2, null))).toBe('mismatch');
    expect(lineState(line(null, 50, 1, 50))).toBe('mismatch');
  });
  it('sums the roster and the counted figures and counts mismatches', () => {
    const t = deskTotals([line(1, 50, 1, 50), line(2, 80, 2, 78), line(1, 30, null, null)]);
    expect(t).toEqual({ persons: 3, counted: 2, rosterVolumes: 4, rosterPages: 160, countedVolumes: 3, countedPages: 128, mismatches: 1 });
    expect(totalsLine(t)).toBe('已清点 2 / 3 人；卷数 3 / 4；页数 128 / 160；与名册不符 1 人');
  });
  it('says what differs', () => {
    expect(mismatchText(line(2, 80, 2, 78))).toBe('页数名册 80、实点 78');
    expect(mismatchText(line(1, 80, 1, 80))).toBeNull();
  });
});

interface F extends FindingLike {
  code: string;
  open: boolean;
}
const f = (code: string, severity: 'error' | 'warning', idNumber: string | null, name: string | null, open = true): F => ({ code, severity, idNumber, name, open });
const isOpen = (x: F) => x.open;

describe('finding groups', () => {
  const findings = [
    f('PAGE_NUMBER_UNREAD', 'warning', B, '李建国'),
    f('ROSTER_MAPPING_AMBIGUOUS', 'warning', null, null),
    f('PAGE_COUNT_MISMATCH', 'error', A, '张淑芬', false),
    f('LOW_DPI', 'error', B, '李建国'),
    f('VOLUME_COUNT_MISMATCH', 'warning', C, null),
  ];
  it('groups by person: batch-wide first, then persons with errors, errors first inside', () => {
    const groups = groupByPerson(findings, isOpen);
    expect(groups.map((g) => g.key)).toEqual(['', B, A, C]);
    expect(groups[1]?.findings.map((x) => x.code)).toEqual(['LOW_DPI', 'PAGE_NUMBER_UNREAD']);
    expect(groups[1]?.title).toBe(`李建国（${B}）`);
    expect(groups[1]?.open).toBe(2);
    expect(groups[2]?.open).toBe(0);
    expect(groups[3]?.title).toBe(C);
  });
  it('filters open and resolved', () => {
    expect(filterFindings(findings, 'open', isOpen)).toHaveLength(4);
    expect(filterFindings(findings, 'resolved', isOpen).map((x) => x.code)).toEqual(['PAGE_COUNT_MISMATCH']);
    expect(filterFindings(findings, 'all', isOpen)).toHaveLength(5);
  });
  it('counts per severity and scales the bars to the largest', () => {
    const counts = countBySeverity(findings, isOpen);
    expect(counts).toEqual([
      { severity: 'error', label: '错误', open: 1, resolved: 1 },
      { severity: 'warning', label: '警告', open: 3, resolved: 0 },
    ]);
    expect(barWidths(counts)).toEqual([67, 100]);
    expect(barWidths(countBySeverity([], isOpen))).toEqual([0, 0]);
  });
});
