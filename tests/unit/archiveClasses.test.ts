import { describe, expect, it } from 'vitest';
import { CLASSES, classLabel, classOrder, isClassCode, SCHEME_LABELS } from '../../shared/archiveClasses';

describe('archive class schemes (domain.md §5)', () => {
  it('enterprise staff files have classes 1–10 and no sub-classes', () => {
    expect(CLASSES.enterprise.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(isClassCode('enterprise', '4')).toBe(true);
    expect(isClassCode('enterprise', '4-1')).toBe(false);
    expect(classLabel('enterprise', '8')).toBe('处分材料');
  });

  it('cadre files split 4 into 4-1..4-4 and 9 into 9-1..9-4', () => {
    const codes = CLASSES.cadre.map((c) => c.code);
    expect(codes).toEqual(['1', '2', '3', '4-1', '4-2', '4-3', '4-4', '5', '6', '7', '8', '9-1', '9-2', '9-3', '9-4', '10']);
    expect(isClassCode('cadre', '4')).toBe(false);
    expect(isClassCode('cadre', '9-4')).toBe(true);
    expect(isClassCode('cadre', '9-5')).toBe(false);
    expect(classLabel('cadre', '2')).toBe('自传和思想类');
  });

  it('orders classes as the scheme lists them and puts unknown codes last', () => {
    expect(classOrder('cadre', '4-2')).toBeLessThan(classOrder('cadre', '5'));
    expect(classOrder('cadre', '10')).toBeGreaterThan(classOrder('cadre', '9-4'));
    expect(classOrder('enterprise', 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(classLabel('enterprise', 'x')).toBe('x');
    expect(Object.keys(SCHEME_LABELS).sort()).toEqual(['cadre', 'enterprise']);
  });
});
