/**
 * Turns an audit entry's before/after JSON into rows a person can read: one per field, with a
 * Chinese field name and whether it was added, removed, changed or left as it was.
 */
export type DiffKind = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  field: string;
  label: string;
  before: string;
  after: string;
  kind: DiffKind;
}

export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  displayName: '姓名',
  role: '角色',
  disabled: '已停用',
  idNumber: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  communityId: '社区编号',
  communityName: '社区',
  townId: '乡镇（街道）编号',
  townName: '乡镇（街道）',
  townCode: '乡镇（街道）代码',
  code: '代码',
  phone: '联系电话',
  address: '住址',
  enterprise: '原单位',
  retiredOn: '退休日期',
  note: '备注',
  idleLockMinutes: '自动锁定时间（分钟）',
  file: '文件',
  bytes: '大小（字节）',
  personCount: '人数',
};

/** Where a field name means something else for one kind of record. */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  person: { name: '姓名' },
  user: { name: '登录名' },
};

export function fieldLabel(entity: string, field: string): string {
  if (field === 'value') return '值';
  return ENTITY_FIELD_LABELS[entity]?.[field] ?? FIELD_LABELS[field] ?? field;
}

const ROLE_WORDS: Record<string, string> = { admin: '管理员', supervisor: '主管', intake: '接收员', clerk: '档案员' };

/** One value as display text; booleans, roles and sexes in words, nested data as compact JSON. */
export function displayValue(field: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (field === 'role' && typeof v === 'string') return ROLE_WORDS[v] ?? v;
  if (field === 'sex' && (v === 'M' || v === 'F')) return v === 'M' ? '男' : '女';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Diff of two audit snapshots. Non-object values (e.g. a bare number) appear as one row named 值. */
export function diffFields(before: unknown, after: unknown, entity = ''): DiffRow[] {
  const b: Record<string, unknown> = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const a: Record<string, unknown> = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields.map((field): DiffRow => {
    const bv = displayValue(field, b[field]);
    const av = displayValue(field, a[field]);
    const inB = field in b && bv !== '';
    const inA = field in a && av !== '';
    let kind: DiffKind;
    if (bv === av) kind = 'same';
    else if (!inB) kind = 'added';
    else if (!inA) kind = 'removed';
    else kind = 'changed';
    return { field, label: fieldLabel(entity, field), before: bv, after: av, kind };
  });
  // Fields empty on both sides say nothing.
  return rows.filter((r) => r.before !== '' || r.after !== '');
}

/** Changed rows first so the eye lands on what happened; unchanged fields stay for context. */
export function sortDiffRows(rows: DiffRow[]): DiffRow[] {
  const rank: Record<DiffKind, number> = { changed: 0, added: 1, removed: 2, same: 3 };
  return [...rows].sort((x, y) => rank[x.kind] - rank[y.kind]);
}
