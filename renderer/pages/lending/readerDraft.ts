/** A reader (查阅人) as typed into the request form, checked live like the services will check it. */
import { checkIdNumber, normaliseIdNumber } from '../../../shared/idNumber';
import { DIRECT_RELATIONS, type LendingReader } from '../../../shared/lendingTypes';

/** key: a stable React key while readers are added and removed. */
export interface ReaderDraft extends LendingReader {
  key: number;
}

let nextKey = 1;

export function emptyReader(unit = ''): ReaderDraft {
  return { key: nextKey++, name: '', idNumber: '', unit, post: '', political: '', contact: '', relation: '无亲属关系' };
}

export interface ReaderCheck {
  /** The ID number's problem (null when valid, or still being typed and not yet left). */
  idError: string | null;
  /** What the ID encodes when valid, for the hint line. */
  idHint: string | null;
  /** A rule the services will refuse (own file, direct relative). */
  ruleError: string | null;
}

/** `fileIds`: the ID numbers of the files chosen so far (a reader may not be one of them). */
export function checkReader(r: ReaderDraft, fileIds: { idNumber: string; name: string; archiveNo: string }[], touched: boolean): ReaderCheck {
  const id = checkIdNumber(r.idNumber);
  const typed = normaliseIdNumber(r.idNumber).length;
  const idError = id.ok ? null : touched || typed >= 18 ? id.message : null;
  const idHint = id.ok ? `出生日期 ${id.birthDate} · 性别 ${id.sex === 'M' ? '男' : '女'}` : `18 位，已输入 ${typed} 位`;
  let ruleError: string | null = null;
  if (id.ok) {
    const own = fileIds.find((f) => normaliseIdNumber(f.idNumber) === id.idNumber);
    if (own) ruleError = `查阅人就是档案 ${own.archiveNo}（${own.name}）的本人：本人不得查阅、借阅自己的档案。`;
  }
  if (!ruleError && DIRECT_RELATIONS.includes(r.relation)) {
    ruleError = `申报为档案当事人的${r.relation}（直系亲属）：直系亲属不得查阅、借阅，请由单位另派无亲属关系的人员。`;
  }
  return { idError, idHint, ruleError };
}

export function toReaderInput(r: ReaderDraft): LendingReader {
  return {
    name: r.name.trim(),
    idNumber: normaliseIdNumber(r.idNumber),
    unit: r.unit.trim(),
    post: r.post.trim(),
    political: r.political.trim(),
    contact: r.contact.trim(),
    relation: r.relation,
  };
}
