/**
 * The 查借阅申请 form's state and its conversion to `lending.request.create` input. The form checks
 * what it can before sending (so the clerk sees the problem beside the field); the services check
 * everything again and their refusal is shown as given.
 */
import type { Input } from '../../../shared/contract';
import type { LendableFile, LendingPurpose, LendingType } from '../../../shared/lendingTypes';
import { periodProblem } from './lendingDates';
import { checkReader, toReaderInput, type ReaderDraft } from './readerDraft';

export interface FileChoice {
  file: LendableFile;
  /** Narrowing as typed: volumes "1,2", items "4-1-3 4-1-4"; classes picked from the file's own. */
  volumes: string;
  classes: string[];
  items: string;
}

export interface RequestDraft {
  type: LendingType;
  purpose: LendingPurpose;
  purposeOther: string;
  unit: string;
  letterNo: string;
  readers: ReaderDraft[];
  files: FileChoice[];
  periodFrom: string;
  periodTo: string;
  note: string;
}

export type CreateInput = Input<'lending.request.create'>;
export type DraftResult = { ok: true; input: CreateInput } | { ok: false; message: string };

/** "1、2，3 4" → [1,2,3,4]; null when something is not a volume number. */
export function parseVolumes(raw: string): number[] | null {
  const parts = raw.split(/[\s,，、;；]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) < 1) return null;
    const n = Number(p);
    if (!out.includes(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

/** Item 序号 list "4-1-3，4-1-4" → ['4-1-3','4-1-4']; null when one is not a 序号. */
export function parseItems(raw: string): string[] | null {
  const parts = raw.split(/[\s,，、;；]+/).filter(Boolean);
  for (const p of parts) if (!/^\d{1,2}(-\d{1,3}){1,3}$/.test(p)) return null;
  return [...new Set(parts)];
}

export function fileChoice(file: LendableFile): FileChoice {
  return { file, volumes: '', classes: [], items: '' };
}

export function toCreateInput(d: RequestDraft, limitDays: number, today: string): DraftResult {
  if (d.purpose === '其他' && d.purposeOther.trim() === '') return { ok: false, message: '查阅目的选了「其他」，请写明具体目的。' };
  if (d.unit.trim() === '') return { ok: false, message: '请填写申请单位。' };
  if (d.readers.length === 0) return { ok: false, message: '请至少填写一名查阅人。' };
  if (d.files.length === 0) return { ok: false, message: '请至少选择一份档案（按姓名、身份证号或档号查找，可扫码）。' };
  const fileIds = d.files.map((f) => f.file);
  for (const [i, r] of d.readers.entries()) {
    const label = `第 ${i + 1} 名查阅人${r.name.trim() ? `「${r.name.trim()}」` : ''}`;
    if (r.name.trim() === '') return { ok: false, message: `${label}：请填写姓名。` };
    const c = checkReader(r, fileIds, true);
    if (c.idError) return { ok: false, message: `${label}：${c.idError}` };
    if (c.ruleError) return { ok: false, message: `${label}：${c.ruleError}` };
    if (r.unit.trim() === '') return { ok: false, message: `${label}：请填写工作单位。` };
    if (r.contact.trim() === '') return { ok: false, message: `${label}：请填写联系电话。` };
  }
  const files: CreateInput['files'] = [];
  for (const f of d.files) {
    const volumes = parseVolumes(f.volumes);
    if (volumes === null) return { ok: false, message: `档案 ${f.file.archiveNo} 的卷号应为数字，多个用逗号分开（如 1,2）。` };
    const bad = volumes.find((v) => v > f.file.volumes);
    if (bad !== undefined) return { ok: false, message: `档案 ${f.file.archiveNo} 只有 ${f.file.volumes} 卷，没有第 ${bad} 卷。` };
    const items = parseItems(f.items);
    if (items === null) return { ok: false, message: `档案 ${f.file.archiveNo} 的材料序号格式应如 4-1-3，多个用逗号分开。` };
    files.push({ archiveNo: f.file.archiveNo, volumes, classes: f.classes, items });
  }
  if (!d.periodFrom || !d.periodTo) return { ok: false, message: '请填写查借阅期限的开始和结束日期。' };
  const period = periodProblem(d.periodFrom, d.periodTo, limitDays, d.note, today);
  if (period) return { ok: false, message: period };
  return {
    ok: true,
    input: {
      type: d.type,
      purpose: d.purpose,
      purposeOther: d.purpose === '其他' ? d.purposeOther.trim() : '',
      unit: d.unit.trim(),
      letterNo: d.letterNo.trim(),
      readers: d.readers.map(toReaderInput),
      files,
      periodFrom: d.periodFrom,
      periodTo: d.periodTo,
      note: d.note.trim(),
    },
  };
}
