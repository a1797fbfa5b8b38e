import { describe, expect, it } from 'vitest';
import { diffFields, displayValue, fieldLabel, sortDiffRows } from '../../renderer/lib/auditDiff';
import { actionLabel, ACTION_FILTER_GROUPS, entityLabel } from '../../renderer/lib/auditLabels';

describe('diffFields', () => {
  it('marks changed, added, removed and unchanged fields with Chinese labels', () => {
    const rows = diffFields(
      { name: '张桂兰', phone: '13800000000', note: '旧备注', communityId: 1 },
      { name: '张桂兰', phone: '13800000001', address: '东大街 3 号', communityId: 1 },
      'person',
    );
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(byField.phone).toMatchObject({ label: '联系电话', before: '13800000000', after: '13800000001', kind: 'changed' });
    expect(byField.address).toMatchObject({ label: '住址', before: '', after: '东大街 3 号', kind: 'added' });
    expect(byField.note).toMatchObject({ label: '备注', before: '旧备注', after: '', kind: 'removed' });
    expect(byField.name).toMatchObject({ label: '姓名', kind: 'same' });
    expect(byField.communityId?.kind).toBe('same');
  });

  it('treats a null before (a creation) as every field added', () => {
    const rows = diffFields(null, { name: 'liuli', role: 'intake', disabled: false }, 'user');
    expect(rows.map((r) => r.kind)).toEqual(['added', 'added', 'added']);
    expect(rows.find((r) => r.field === 'name')?.label).toBe('登录名');
    expect(rows.find((r) => r.field === 'role')?.after).toBe('接收员');
    expect(rows.find((r) => r.field === 'disabled')?.after).toBe('否');
  });

  it('shows a bare value (e.g. a setting) as one row', () => {
    expect(diffFields(10, 15, 'settings')).toEqual([{ field: 'value', label: '值', before: '10', after: '15', kind: 'changed' }]);
  });

  it('returns nothing when neither side has content, and leaves out fields empty on both sides', () => {
    expect(diffFields(null, null, 'user')).toEqual([]);
    expect(diffFields({ note: '', phone: '1' }, { note: '', phone: '2', address: null }).map((r) => r.field)).toEqual(['phone']);
  });

  it('keeps unknown fields under their own name and nested values as JSON', () => {
    const [row] = diffFields({}, { extra: { a: 1 } });
    expect(row).toMatchObject({ field: 'extra', label: 'extra', after: '{"a":1}', kind: 'added' });
  });

  it('sorts changes before unchanged context, keeping order otherwise', () => {
    const rows = sortDiffRows(diffFields({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, c: 3, d: 4 }));
    expect(rows.map((r) => `${r.field}:${r.kind}`)).toEqual(['b:changed', 'd:added', 'a:same', 'c:same']);
  });
});

describe('labels', () => {
  it('names values, fields, actions and entities in Chinese, falling back to the raw code', () => {
    expect(displayValue('sex', 'F')).toBe('女');
    expect(displayValue('disabled', true)).toBe('是');
    expect(fieldLabel('town', 'name')).toBe('名称');
    expect(fieldLabel('person', 'idNumber')).toBe('身份证号');
    expect(actionLabel('person.add')).toBe('新增退休人员');
    expect(actionLabel('session.loginFailed')).toBe('登录失败');
    expect(actionLabel('scan.import')).toBe('scan.import');
    expect(entityLabel('community')).toBe('社区');
  });

  it('offers category filters as prefixes the server matches with LIKE prefix%', () => {
    const categories = ACTION_FILTER_GROUPS[0]?.options.map((o) => o.value) ?? [];
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(c.endsWith('.')).toBe(true);
    const specific = ACTION_FILTER_GROUPS[1]?.options ?? [];
    expect(specific.some((o) => o.value === 'person.update' && o.label === '修改退休人员')).toBe(true);
  });
});
