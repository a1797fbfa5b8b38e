// Pure logic behind the intake screens: column mapping, numbering preview, steps, decision, job wording.
import { describe, expect, it } from 'vitest';
import { acceptDisabledReason } from '../../renderer/pages/intake/decision';
import { findingPlace, groupBySeverity } from '../../renderer/pages/intake/findingGroups';
import { intakeJobPercent, intakeJobSummary } from '../../renderer/pages/intake/intakeJobText';
import { formatArchiveNo, numberingWarnings, trailingSeq } from '../../renderer/pages/intake/numbering';
import { columnChoices, columnLabel, columnLetter, mappingProblems, withColumn } from '../../renderer/pages/intake/rosterMapping';
import { firstStep, stepsFor } from '../../renderer/pages/intake/steps';
import type { IntakeBatch, IntakeBatchCounts, IntakeJob, NumberingSettings, RosterColumnMapping, RosterFieldName } from '../../shared/intakeTypes';

const LABELS = { serial: '序号', name: '姓名', idNumber: '社会保障号码（身份证号）', county: '县', town: '乡镇（街道）', community: '社区', townCommunity: '乡镇（街道）、社区', place: '移交地', volumes: '档案卷数', pages: '页数', other: '其它资料', remarks: '备注' } satisfies Record<RosterFieldName, string>;
const mapping: RosterColumnMapping = { sheet: 'Sheet1', headerRows: { first: 3, last: 4 }, columns: { name: 2, idNumber: 3, volumes: 6, pages: 7 } };

describe('roster column mapping', () => {
  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 53, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'AAA']);
    expect(columnLabel(3, { 3: ' 社会保障号码 ' })).toBe('C 列：社会保障号码');
    expect(columnLabel(9, {})).toBe('I 列');
  });
  it('offers header columns, mapped columns and candidates, sorted', () => {
    expect(columnChoices(mapping, { 1: '序号', 2: '姓名', 3: '身份证号' }, { idNumber: [4] })).toEqual([1, 2, 3, 4, 6, 7]);
  });
  it('edits one field and can clear it', () => {
    const m = withColumn(mapping, 'idNumber', 4);
    expect(m.columns.idNumber).toBe(4);
    expect(mapping.columns.idNumber).toBe(3);
    expect('idNumber' in withColumn(mapping, 'idNumber', null).columns).toBe(false);
  });
  it('refuses a mapping without name or ID and one column used twice', () => {
    expect(mappingProblems(mapping, LABELS)).toEqual([]);
    expect(mappingProblems(withColumn(mapping, 'name', null), LABELS)).toEqual(['请指定「姓名」所在的列。']);
    expect(mappingProblems(withColumn(mapping, 'pages', 6), LABELS)).toEqual(['F 列同时对应了「档案卷数」和「页数」，请为每项选择不同的列。']);
  });
});

describe('numbering preview', () => {
  const n: NumberingSettings = { prefix: 'CCSRS', districtCode: '01', includeTownCode: true, includeCommunityCode: true, separator: '-', sequenceWidth: 4 };
  it('builds the domain example and variants', () => {
    expect(formatArchiveNo(n, '02', '003', 1)).toBe('CCSRS-0102-003-0001');
    expect(formatArchiveNo({ ...n, prefix: '', separator: '' }, '02', '003', 12)).toBe('01020030012');
    expect(formatArchiveNo({ ...n, districtCode: '', includeTownCode: false, sequenceWidth: 6 }, '02', '003', 7)).toBe('CCSRS-003-000007');
    expect(formatArchiveNo({ ...n, sequenceWidth: 2 }, '02', '003', 123)).toBe('CCSRS-0102-003-123');
  });
  it('reads the running number at the end of a previewed number', () => {
    expect(trailingSeq('CCSRS-0102-003-0042')).toBe(42);
    expect(trailingSeq('')).toBe(1);
  });
  it('warns when the community code is left out', () => {
    expect(numberingWarnings(n)).toEqual([]);
    expect(numberingWarnings({ ...n, includeCommunityCode: false })).toHaveLength(1);
    expect(numberingWarnings({ ...n, includeCommunityCode: false, includeTownCode: false })).toHaveLength(2);
  });
});

const counts = (p: Partial<IntakeBatchCounts>): IntakeBatchCounts => ({ persons: 3, volumes: 3, pages: 90, deskCounted: 3, findingsOpen: 0, findingsResolved: 0, errorsOpen: 0, warningsOpen: 0, ...p });
const batch = (p: Partial<IntakeBatch>): IntakeBatch => ({
  id: 1, batchNo: 'JS2026-0001', enterprise: '第一棉纺厂', contact: '', contactPhone: '', deliveredBy: '王五', deliveredOn: '2026-01-05', note: '', status: 'checking',
  rosterFile: 'r.xlsx', packageDir: null, createdAt: '', createdBy: '', updatedAt: '', returnedOn: null, returnReason: '', acceptedOn: null, acceptedBy: null, overrideNote: '', firstNo: null, lastNo: null, ...p,
});

describe('workspace steps', () => {
  it('adds 案卷目录 and 文书 once the batch is decided', () => {
    expect(stepsFor('registered')).toEqual(['roster', 'desk', 'check', 'findings']);
    expect(stepsFor('accepted')).toEqual(['roster', 'desk', 'check', 'findings', 'files', 'documents']);
    expect(stepsFor('returned')).toEqual(['roster', 'desk', 'check', 'findings', 'documents']);
  });
  it('opens on the first thing still to do', () => {
    expect(firstStep({ batch: batch({ status: 'registered' }), counts: counts({ persons: 0 }) })).toBe('roster');
    expect(firstStep({ batch: batch({}), counts: counts({ deskCounted: 1 }) })).toBe('desk');
    expect(firstStep({ batch: batch({}), counts: counts({}) })).toBe('check');
    expect(firstStep({ batch: batch({ packageDir: '/p' }), counts: counts({}) })).toBe('findings');
    expect(firstStep({ batch: batch({ status: 'accepted' }), counts: counts({}) })).toBe('files');
    expect(firstStep({ batch: batch({ status: 'returned' }), counts: counts({}) })).toBe('documents');
  });
});

const job = (p: Partial<IntakeJob>): IntakeJob => ({ id: 'j1', kind: 'check', batchId: 1, state: 'running', phase: '哈希与文件头', done: 30, total: 120, failed: 0, etaSeconds: 45, errors: [], message: '', ...p });

describe('decision', () => {
  it('tells a clerk why 接收 is disabled, lets a supervisor override', () => {
    expect(acceptDisabledReason({ counts: counts({}), runningJobs: [] }, true, false)).toBeNull();
    expect(acceptDisabledReason({ counts: counts({ findingsOpen: 2 }), runningJobs: [] }, true, false)).toContain('还有 2 个未处理的问题');
    expect(acceptDisabledReason({ counts: counts({ findingsOpen: 2 }), runningJobs: [] }, true, true)).toBeNull();
    expect(acceptDisabledReason({ counts: counts({}), runningJobs: [] }, false, false)).toContain('只能查看');
    expect(acceptDisabledReason({ counts: counts({ persons: 0 }), runningJobs: [] }, true, true)).toBe('请先导入名册。');
    expect(acceptDisabledReason({ counts: counts({}), runningJobs: [job({})] }, true, true)).toContain('核验仍在进行');
  });
});

describe('intake job wording', () => {
  it('shows phase, progress and time left while running', () => {
    expect(intakeJobPercent(job({}))).toBe(25);
    expect(intakeJobSummary(job({}))).toBe('数字副本核验：哈希与文件头，30 / 120（25%），剩余时间 约 45 秒');
    expect(intakeJobPercent(job({ total: null }))).toBeNull();
    expect(intakeJobSummary(job({ kind: 'import-copies', phase: '', state: 'done', done: 120, failed: 2 }))).toBe('导入数字副本：122 / 120（100%），失败 2，已完成');
  });
});

describe('finding views', () => {
  it('groups by severity, errors first, empty groups left out', () => {
    const fs = [
      { severity: 'warning' as const, idNumber: null, name: null, code: 'A' },
      { severity: 'warning' as const, idNumber: '1', name: 'x', code: 'B' },
    ];
    expect(groupBySeverity(fs).map((g) => [g.key, g.findings.length])).toEqual([['warning', 2]]);
  });
  it('says where a finding points', () => {
    expect(findingPlace({ row: 5, file: null, page: null })).toBe('名册第 5 行');
    expect(findingPlace({ row: null, file: '张三_1101/003.jpg', page: 3 })).toBe('张三_1101/003.jpg，第 3 张图像');
    expect(findingPlace({ row: null, file: null, page: null })).toBe('');
  });
});
