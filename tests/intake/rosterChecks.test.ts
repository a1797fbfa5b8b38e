import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakCheckDigit, makeIdNumber, writeOfficialRoster, type RosterEntry } from '../../bench/fixtures/deliveryRoster';
import { readRoster } from '../../electron/services/intake/roster/readRoster';
import { checkRoster, parseCount } from '../../electron/services/intake/check/rosterChecks';
import { checkSequence } from '../../electron/services/intake/check/sequence';
import { compareByTrailingNumber } from '../../electron/services/intake/check/pageOrder';
import { FINDING_SEVERITY } from '../../electron/services/intake/check/findings';
import { tempDir } from '../helpers/temp';

const today = new Date('2026-11-21T00:00:00Z');

async function rosterOf(entries: RosterEntry[]) {
  const file = path.join(tempDir(), 'roster.xlsx');
  await writeOfficialRoster(file, entries);
  return readRoster(file);
}

describe('roster checks', () => {
  it('finds each roster defect with its code, row and a Chinese message', async () => {
    const good = makeIdNumber(10);
    const held = makeIdNumber(11);
    const open = makeIdNumber(12);
    const badDate = '110105' + '19650230' + '123';
    const roster = await rosterOf([
      { name: '甲', id: good, volumes: 1, pages: 30 },
      { name: '乙', id: breakCheckDigit(makeIdNumber(13)), volumes: 1, pages: 30 },
      { name: '丙', id: badDate + 'X', volumes: 1, pages: 30 },
      { name: '丁', id: '11010519650101', volumes: 1, pages: 30 },
      { name: '甲', id: good, volumes: 1, pages: 30 },
      { name: '', id: makeIdNumber(14), volumes: 1, pages: 30 },
      { name: '戊', id: makeIdNumber(15), volumes: 0, pages: '三十' },
      { name: '己', id: makeIdNumber(16), volumes: 1, pages: 30, place: '西关街道无名社区' },
      { name: '庚', id: held, volumes: 1, pages: 30 },
      { name: '辛', id: open, volumes: 1, pages: 30 },
    ]);
    const { findings } = checkRoster(roster, {
      today,
      communities: [{ town: '城关街道', community: '东风社区' }],
      heldIds: new Set([held]),
      openBatchIds: new Set([open]),
    });
    expect(findings.map((f) => [f.code, f.row])).toEqual([
      ['ID_CHECKSUM', 6],
      ['ID_BIRTH_DATE', 7],
      ['ID_FORMAT', 8],
      ['DUPLICATE_PERSON', 9],
      ['MISSING_NAME', 10],
      ['BAD_VOLUMES', 11],
      ['BAD_PAGES', 11],
      ['UNKNOWN_COMMUNITY', 12],
      ['ALREADY_HELD', 13],
      ['IN_OPEN_BATCH', 14],
    ]);
    for (const f of findings) {
      expect(f.severity).toBe(FINDING_SEVERITY[f.code]);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.file).toBe(roster.file);
    }
    expect(findings.find((f) => f.code === 'DUPLICATE_PERSON')?.message).toContain('第 5 行');
    expect(findings.find((f) => f.code === 'UNKNOWN_COMMUNITY')?.message).toContain('西关街道');
  });

  it('raises no community, held or open-batch findings unless those lists are given', async () => {
    const roster = await rosterOf([{ name: '甲', id: makeIdNumber(20), volumes: 1, pages: 30, place: '不存在街道某社区' }]);
    expect(checkRoster(roster, { today }).findings).toEqual([]);
  });

  it('accepts whole positive counts only', () => {
    expect(parseCount('3')).toBe(3);
    expect(parseCount('3.0')).toBe(3);
    expect(parseCount('３')).toBe(3);
    expect(parseCount('12页')).toBe(12);
    expect(parseCount('0')).toBeNull();
    expect(parseCount('2.5')).toBeNull();
    expect(parseCount('')).toBeNull();
    expect(parseCount('三')).toBeNull();
  });
});

describe('finding codes', () => {
  it('documents every code with its severity in the README table', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Intake finding codes'));
    for (const [code, severity] of Object.entries(FINDING_SEVERITY)) expect(section).toContain(`| \`${code}\` | ${severity} |`);
  });
});

describe('page order and printed-number sequence', () => {
  it('orders page images by the trailing number in the file name', () => {
    const names = ['page10.jpg', 'page2.jpg', '张三-1.jpg', 'scan_0003.tif', 'cover.jpg'];
    expect([...names].sort(compareByTrailingNumber)).toEqual(['张三-1.jpg', 'page2.jpg', 'scan_0003.tif', 'page10.jpg', 'cover.jpg']);
  });

  it('reports gaps, repeats and disorder, and lets unread pages fill a gap', () => {
    const seq = (nums: (number | null)[]) => checkSequence(nums.map((n, i) => ({ position: i + 1, number: n })));
    expect(seq([1, 2, 3, 4])).toEqual([]);
    expect(seq([1, 2, 4, 5])).toEqual([{ kind: 'gap', position: 3, from: 2, to: 4, missing: [3] }]);
    expect(seq([1, 2, 2, 3])).toEqual([{ kind: 'repeat', position: 3, number: 2, firstPosition: 2 }]);
    expect(seq([1, 3, 2])).toEqual([
      { kind: 'gap', position: 2, from: 1, to: 3, missing: [2] },
      { kind: 'order', position: 3, number: 2, after: 3 },
    ]);
    // An unread page between 2 and 4 may be page 3: no gap. Two missing numbers and one unread: a gap.
    expect(seq([1, 2, null, 4])).toEqual([]);
    expect(seq([1, null, 5])).toEqual([{ kind: 'gap', position: 3, from: 1, to: 5, missing: [3, 4] }]);
    expect(seq([2, 3])).toEqual([{ kind: 'gap', position: 1, from: 0, to: 2, missing: [1] }]);
  });
});
