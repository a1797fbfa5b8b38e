import { describe, expect, it } from 'vitest';
import { groupByTown } from '../../renderer/lib/communityGroups';
import { formatBytes, formatDateTime, localDateString, sexLabel } from '../../renderer/lib/format';
import { allowedAreas } from '../../renderer/lib/nav';
import { screenFor } from '../../renderer/lib/route';
import type { Community, SessionInfo } from '../../shared/types';

describe('allowedAreas', () => {
  it('shows each role only the areas it may use', () => {
    expect(allowedAreas('admin')).toEqual(['home', 'persons', 'intake', 'digitize', 'storage', 'lending', 'communities', 'users', 'audit', 'settings']);
    expect(allowedAreas('supervisor')).toEqual(['home', 'persons', 'intake', 'digitize', 'storage', 'lending', 'communities', 'audit', 'settings']);
    expect(allowedAreas('intake')).toEqual(['home', 'persons', 'intake', 'digitize', 'storage', 'communities', 'settings']);
    expect(allowedAreas('clerk')).toEqual(['home', 'persons', 'intake', 'digitize', 'storage', 'lending', 'communities', 'settings']);
  });
});

describe('screenFor', () => {
  const session: SessionInfo = { userId: 1, name: 'a', displayName: 'A', role: 'clerk', locked: true, idleLockMinutes: 10 };
  const base = { workspaceDir: '/w', mode: 'browser' as const, version: '1' };
  it('routes first run, closed, open without session, and open with a (locked) session', () => {
    expect(screenFor({ ...base, state: 'no-workspace', session: null })).toBe('setup');
    expect(screenFor({ ...base, state: 'closed', session: null })).toBe('login');
    expect(screenFor({ ...base, state: 'open', session: null })).toBe('login');
    expect(screenFor({ ...base, state: 'open', session })).toBe('shell');
  });
});

describe('groupByTown', () => {
  const c = (id: number, townId: number, townCode: string, code: string): Community => ({
    id, townId, townName: `镇${townCode}`, townCode, code, name: `社区${code}`, personCount: 0,
  });
  it('groups communities under towns, both in numeric code order, keeping empty towns', () => {
    const groups = groupByTown([c(1, 2, '10', '2'), c(2, 1, '9', '10'), c(3, 1, '9', '9')], [
      { id: 1, code: '9', name: '镇9' },
      { id: 2, code: '10', name: '镇10' },
      { id: 3, code: '11', name: '镇11' },
    ]);
    expect(groups.map((g) => g.townCode)).toEqual(['9', '10', '11']);
    expect(groups[0]?.communities.map((x) => x.code)).toEqual(['9', '10']);
    expect(groups[2]?.communities).toEqual([]);
  });
});

describe('format', () => {
  it('formats local date-times in zh-CN 24-hour style', () => {
    const iso = new Date(2024, 4, 1, 14, 3, 9).toISOString();
    expect(formatDateTime(iso)).toBe('2024/05/01 14:03:09');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('formats sizes, sexes and local dates', () => {
    expect(formatBytes(512)).toBe('512 字节');
    expect(formatBytes(3_481_231)).toBe('3.3 MB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(sexLabel('M')).toBe('男');
    expect(sexLabel('F')).toBe('女');
    expect(localDateString(new Date(2024, 0, 5))).toBe('2024-01-05');
  });
});
