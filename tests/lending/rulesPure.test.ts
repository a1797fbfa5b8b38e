/** The lending rules as pure functions: scans, check-out plans, lapse of approvals, periods, local days. */
import { describe, expect, it } from 'vitest';
import { addDays, dayStartIso, daysBetween, localDay, localTime } from '../../electron/services/domain/lending/dates';
import { checkDue, checkPeriod, effectiveStatus, levelToDecide, parseScan, planCheckout, scopeText } from '../../electron/services/domain/lending/rules';

describe('lending rules (pure)', () => {
  it('reads scans as archive numbers with an optional volume', () => {
    expect(parseScan(' CCSRS-0102-001-0001 ')).toEqual({ archiveNo: 'CCSRS-0102-001-0001', volume: null });
    expect(parseScan('CCSRS-0102-001-0001/2')).toEqual({ archiveNo: 'CCSRS-0102-001-0001', volume: 2 });
    expect(parseScan('CCSRS-0102-001-0001／3')).toEqual({ archiveNo: 'CCSRS-0102-001-0001', volume: 3 });
  });

  it('plans a check-out from scans and refuses anything outside the approval', () => {
    const approved = [
      { archiveNo: 'A-1', volumes: [1, 2], out: false },
      { archiveNo: 'A-2', volumes: [1], out: true },
    ];
    expect([...planCheckout(approved, ['a-1/2', 'A-1/1'])]).toEqual([['A-1', [1, 2]]]);
    expect([...planCheckout(approved, ['A-1'])]).toEqual([['A-1', [1, 2]]]);
    expect(() => planCheckout(approved, ['A-1/3'])).toThrow(/第 3 卷不在批准范围内/);
    expect(() => planCheckout(approved, ['A-9'])).toThrow(/不在这份申请批准的范围内/);
    expect(() => planCheckout(approved, ['A-2'])).toThrow(/尚未归还/);
  });

  it('lets an unused approval lapse after its last day, but not a used one', () => {
    const base = { status: 'approved', expiresOn: '2026-11-28', type: '借阅', periodTo: '2026-11-30' };
    expect(effectiveStatus(base, '2026-11-28')).toBe('approved');
    expect(effectiveStatus(base, '2026-11-29')).toBe('expired');
    expect(effectiveStatus({ ...base, usedAt: '2026-11-22T00:00:00Z' }, '2026-11-29')).toBe('approved');
    expect(effectiveStatus({ ...base, usedAt: '2026-11-22T00:00:00Z' }, '2026-12-01')).toBe('completed');
    expect(effectiveStatus({ ...base, status: 'pending' }, '2026-11-29')).toBe('expired');
    expect(effectiveStatus({ ...base, status: 'in_use', type: '电子查阅' }, '2026-12-01')).toBe('completed');
    expect(effectiveStatus({ ...base, status: 'in_use' }, '2026-12-01')).toBe('in_use');
  });

  it('decides which level a supervisor approves', () => {
    const r = { status: 'pending' as const, enteredBy: 1, levelsRequired: 2, approvals: [] as { level: number; userId: number; decision: string }[] };
    expect(levelToDecide(r, 2)).toBe(1);
    expect(() => levelToDecide(r, 1)).toThrow(/登记人不得审批/);
    const after1 = { ...r, approvals: [{ level: 1, userId: 2, decision: 'approved' }] };
    expect(levelToDecide(after1, 3)).toBe(2);
    expect(() => levelToDecide(after1, 2)).toThrow(/另一位主管/);
    expect(() => levelToDecide({ ...r, status: 'rejected' }, 2)).toThrow(/已被驳回/);
    expect(() => levelToDecide({ ...r, status: 'expired' }, 2)).toThrow(/已过期/);
  });

  it('checks periods and due dates', () => {
    const p = { from: '2026-11-21', to: '2026-11-27', note: '', limitDays: 7, today: '2026-11-21' };
    expect(() => checkPeriod(p)).not.toThrow();
    expect(() => checkPeriod({ ...p, to: '2026-11-28' })).toThrow(/8 天，超过规定的 7 天/);
    expect(() => checkPeriod({ ...p, to: '2026-11-28', note: '理由' })).not.toThrow();
    expect(() => checkPeriod({ ...p, from: '2026-11-20' })).toThrow(/已过/);
    expect(() => checkPeriod({ ...p, to: '2026-11-20' })).toThrow(/早于开始日期/);
    expect(() => checkDue('2026-11-20', '2026-11-21', '2026-11-27')).toThrow(/早于今天/);
    expect(() => checkDue('2026-11-28', '2026-11-21', '2026-11-27')).toThrow(/超出批准的期限/);
  });

  it('counts days in China Standard Time', () => {
    expect(localDay(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(localDay(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(localTime('2026-11-21T08:00:00.000Z')).toBe('2026-11-21 16:00');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-11-25', '2026-12-01')).toBe(6);
    expect(dayStartIso('2026-11-22')).toBe('2026-11-21T16:00:00.000Z');
    expect(scopeText({ volumes: [1], allVolumes: 2, classes: ['4', '9'], items: [] })).toBe('第 1 卷；第 4、9 类');
    expect(scopeText({ volumes: [1, 2], allVolumes: 2, classes: [], items: [] })).toBe('全部');
  });
});
