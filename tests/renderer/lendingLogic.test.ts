// Pure helpers behind the 查借阅 screens and the home page: dates and the period rule, readers,
// the request form's input, approval blockers, scans at the desk, the viewer's page list.
import { describe, expect, it } from 'vitest';
import { checkDigitFor } from '../../shared/idNumber';
import type { LendableFile, LendingRequestSummary, RequestFile, ViewSession } from '../../shared/lendingTypes';
import { inProgress } from '../../renderer/pages/home/homeLists';
import { approvalBlocker, nextLevelLabel } from '../../renderer/pages/lending/approvalRules';
import { base64ToBytes, safeFileName } from '../../renderer/components/documents/documentBytes';
import { addDays, localTime, periodDays, periodProblem, todayCst } from '../../renderer/pages/lending/lendingDates';
import { lendingTabs } from '../../renderer/pages/lending/lendingTabs';
import { checkReader, emptyReader, type ReaderDraft } from '../../renderer/pages/lending/readerDraft';
import { fileChoice, parseItems, parseVolumes, toCreateInput, type RequestDraft } from '../../renderer/pages/lending/requestDraft';
import { exactMatch, normaliseScan } from '../../renderer/pages/lending/scanInput';
import { checkScan, splitScan } from '../../renderer/pages/lending/scanList';
import { flattenPages } from '../../renderer/pages/lending/viewPages';

const id = (first17: string) => first17 + checkDigitFor(first17);
const READER_ID = id('11010519800101555');
const OWNER_ID = id('11010519500312003');

const FILE: LendableFile = {
  fileId: 1,
  personId: 1,
  archiveNo: 'CCSRS-0102-001-0001',
  name: '张三',
  idNumber: OWNER_ID,
  community: '东风社区',
  volumes: 2,
  pages: 80,
  status: 'held',
  classes: ['1', '4'],
  digitalPages: 0,
};

function reader(over: Partial<ReaderDraft> = {}): ReaderDraft {
  return { ...emptyReader(), name: '周经办', idNumber: READER_ID, unit: '城关街道社保所', contact: '13800000000', ...over };
}

function draft(over: Partial<RequestDraft> = {}): RequestDraft {
  return {
    type: '借阅',
    purpose: '享受政策待遇',
    purposeOther: '',
    unit: '城关街道社保所',
    letterNo: ' 城社函〔2026〕12号 ',
    readers: [reader()],
    files: [fileChoice(FILE)],
    periodFrom: '2026-11-21',
    periodTo: '2026-11-27',
    note: '',
    ...over,
  };
}

describe('lending dates (China Standard Time, both ends counted)', () => {
  it('takes today in UTC+8 whatever the machine zone', () => {
    expect(todayCst(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(todayCst(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });

  it('counts period days inclusively and waits for complete dates', () => {
    expect(periodDays('2026-11-21', '2026-11-27')).toBe(7);
    expect(periodDays('2026-11-21', '2026-11-21')).toBe(1);
    expect(periodDays('2026-02-27', '2026-03-01')).toBe(3);
    expect(periodDays('2026-11-2', '2026-11-27')).toBeNull();
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('says inline what is wrong with the period and what to do', () => {
    expect(periodProblem('2026-11-21', '2026-11-27', 7, '', '2026-11-21')).toBeNull();
    expect(periodProblem('2026-11-21', '2026-11-28', 7, '', '2026-11-21')).toBe('申请期限 8 天，超过规定的 7 天：请在「备注」中写明延长理由。');
    expect(periodProblem('2026-11-21', '2026-11-28', 7, '异地调档，路程远', '2026-11-21')).toBeNull();
    expect(periodProblem('2026-11-25', '2026-11-21', 7, '', '2026-11-21')).toContain('早于开始日期');
    expect(periodProblem('2026-11-20', '2026-11-21', 7, '', '2026-11-21')).toContain('已过');
  });

  it('shows stored instants as local minutes', () => {
    expect(localTime('2026-11-21T02:05:09.000Z')).toBe('2026-11-21 10:05');
    expect(localTime(null)).toBe('—');
    expect(localTime('not a time')).toBe('not a time');
  });
});

describe('readers', () => {
  it('checks the ID number live, quietly while it is still being typed', () => {
    expect(checkReader(reader({ idNumber: '1101051980' }), [], false).idError).toBeNull();
    expect(checkReader(reader({ idNumber: '1101051980' }), [], true).idError).toContain('18 位');
    const bad = READER_ID.slice(0, 17) + (READER_ID.endsWith('1') ? '2' : '1');
    expect(checkReader(reader({ idNumber: bad }), [], false).idError).toContain('校验');
    expect(checkReader(reader(), [], false).idHint).toBe('出生日期 1980-01-01 · 性别 男');
  });

  it('refuses the file\'s own person and declared direct relatives, but not other relations', () => {
    expect(checkReader(reader({ idNumber: OWNER_ID }), [FILE], false).ruleError).toContain('本人');
    expect(checkReader(reader({ relation: '子女' }), [FILE], false).ruleError).toContain('直系亲属');
    expect(checkReader(reader({ relation: '兄弟姐妹' }), [FILE], false).ruleError).toBeNull();
  });
});

describe('request form → lending.request.create input', () => {
  it('builds the input with trimmed text, normalised IDs and narrowing', () => {
    const d = draft({
      readers: [reader({ idNumber: ` ${READER_ID.toLowerCase()} ` })],
      files: [{ ...fileChoice(FILE), volumes: '2，1', classes: ['4'], items: '4-1-3、4-1-3 4-1-4' }],
    });
    const r = toCreateInput(d, 7, '2026-11-21');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.letterNo).toBe('城社函〔2026〕12号');
    expect(r.input.readers[0]?.idNumber).toBe(READER_ID);
    expect(r.input.files).toEqual([{ archiveNo: FILE.archiveNo, volumes: [1, 2], classes: ['4'], items: ['4-1-3', '4-1-4'] }]);
    expect(r.input.purposeOther).toBe('');
  });

  it('refuses with a plain reason before sending', () => {
    const msg = (d: RequestDraft) => {
      const r = toCreateInput(d, 7, '2026-11-21');
      return r.ok ? null : r.message;
    };
    expect(msg(draft({ purpose: '其他' }))).toContain('其他');
    expect(msg(draft({ files: [] }))).toContain('至少选择一份档案');
    expect(msg(draft({ readers: [reader({ contact: '' })] }))).toContain('联系电话');
    expect(msg(draft({ readers: [reader({ idNumber: OWNER_ID })] }))).toContain('本人');
    expect(msg(draft({ files: [{ ...fileChoice(FILE), volumes: '3' }] }))).toBe(`档案 ${FILE.archiveNo} 只有 2 卷，没有第 3 卷。`);
    expect(msg(draft({ periodTo: '2026-12-01' }))).toContain('超过规定的 7 天');
    expect(msg(draft({ periodTo: '2026-12-01', note: '外地取证' }))).toBeNull();
  });

  it('parses volume and item lists the way clerks type them', () => {
    expect(parseVolumes('')).toEqual([]);
    expect(parseVolumes('3、1,1')).toEqual([1, 3]);
    expect(parseVolumes('第1卷')).toBeNull();
    expect(parseItems('4-1-3；9-2-1')).toEqual(['4-1-3', '9-2-1']);
    expect(parseItems('4-1-x')).toBeNull();
  });
});

describe('approval', () => {
  const base = { status: 'pending' as const, enteredByUserId: 5, approvals: [], levelsRequired: 1 as const };
  it('blocks the clerk who entered it, decided requests and a second level by the same supervisor', () => {
    expect(approvalBlocker(base, 7)).toBeNull();
    expect(approvalBlocker(base, 5)).toContain('本人登记');
    expect(approvalBlocker({ ...base, status: 'rejected' }, 7)).toContain('驳回');
    expect(approvalBlocker({ ...base, status: 'expired' }, 7)).toContain('过期');
    const firstByMe = { ...base, levelsRequired: 2 as const, approvals: [{ level: 1 as const, decision: 'approved' as const, opinion: '', by: '张主管', byUserId: 7, at: '2026-11-21T01:00:00Z' }] };
    expect(approvalBlocker(firstByMe, 7)).toContain('第二级');
    expect(approvalBlocker(firstByMe, 8)).toBeNull();
    expect(nextLevelLabel(firstByMe)).toBe('第二级审批');
    expect(nextLevelLabel(base)).toBe('审批');
  });
});

describe('scans at the desk', () => {
  const file = (over: Partial<RequestFile> = {}): RequestFile => ({
    fileId: 1, archiveNo: 'CCSRS-0102-001-0001', name: '张三', idNumber: OWNER_ID, volumes: [1, 2], classes: [], items: [], scope: '全部',
    checkedOutAt: null, checkedOutBy: null, takenBy: null, volumesOut: [], due: null, returnedAt: null, returnedBy: null, receivedBy: null, condition: null,
    ...over,
  });

  it('normalises what a scanner or IME types', () => {
    expect(normaliseScan(' ｃｃｓｒｓ－0102－001－0001 ')).toBe('CCSRS-0102-001-0001');
    expect(splitScan('CCSRS-0102-001-0001／2')).toEqual({ archiveNo: 'CCSRS-0102-001-0001', volume: 2 });
    expect(splitScan('CCSRS-0102-001-0001')).toEqual({ archiveNo: 'CCSRS-0102-001-0001', volume: null });
  });

  it('accepts approved files and volumes once, refuses the rest with the reason', () => {
    const files = [file(), file({ fileId: 2, archiveNo: 'CCSRS-0102-001-0002', name: '李四', volumes: [1] })];
    expect(checkScan('ccsrs-0102-001-0001', files, [])).toEqual({ ok: true, scan: 'CCSRS-0102-001-0001', label: 'CCSRS-0102-001-0001 张三（全部）' });
    expect(checkScan('CCSRS-0102-001-0002/1', files, [])).toMatchObject({ ok: true, scan: 'CCSRS-0102-001-0002/1' });
    expect(checkScan('CCSRS-0102-001-0002/2', files, [])).toEqual({ ok: false, message: '档案 CCSRS-0102-001-0002 批准的是第 1 卷，没有批准第 2 卷。' });
    expect(checkScan('CCSRS-0102-001-0009', files, [])).toMatchObject({ ok: false, message: expect.stringContaining('不在这份申请') });
    expect(checkScan('CCSRS-0102-001-0001', files, ['CCSRS-0102-001-0001'])).toMatchObject({ ok: false, message: expect.stringContaining('已扫描过') });
    const out = [file({ checkedOutAt: '2026-11-21T01:00:00Z' })];
    expect(checkScan('CCSRS-0102-001-0001', out, [])).toMatchObject({ ok: false, message: expect.stringContaining('已出库') });
  });

  it('adds a found file at once only when the scan names exactly one', () => {
    const other = { ...FILE, fileId: 2, archiveNo: 'CCSRS-0102-001-0010', idNumber: READER_ID };
    expect(exactMatch([FILE, other], 'ccsrs-0102-001-0001')?.fileId).toBe(1);
    expect(exactMatch([FILE, other], READER_ID)?.fileId).toBe(2);
    expect(exactMatch([FILE, other], '张')).toBeNull();
  });
});

describe('viewer, documents, home and tabs', () => {
  it('lists approved pages in reading order with labels', () => {
    const s: ViewSession = {
      requestId: 1, requestNo: 'CJ-1', watermark: '周经办 2026-11-21 CJ-1', periodFrom: '2026-11-21', periodTo: '2026-11-21',
      files: [{ archiveNo: 'A-1', name: '张三', classes: ['4'], volumes: [{ volumeId: 9, volumeNo: 1, pages: [
        { pageId: 31, position: 3, printedNumber: 2, classCode: '4' },
        { pageId: 32, position: 4, printedNumber: null, classCode: '4' },
      ] }] }],
    };
    const pages = flattenPages(s);
    expect(pages.map((p) => p.pageId)).toEqual([31, 32]);
    expect(pages[0]?.label).toBe('张三 第 1 卷 第 3 张（页码 2） · 4');
  });

  it('decodes document bytes and suggests a file name that saves on Windows', () => {
    expect([...base64ToBytes('JVBERi0=')]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(safeFileName('登记簿 2026/11:01?.pdf')).toBe('登记簿 2026_11_01_.pdf');
    expect(safeFileName(' / ')).toBe('_');
  });

  it('puts my overdue requests first, then the oldest, and drops finished ones', () => {
    const row = (id: number, status: LendingRequestSummary['status'], enteredAt: string, overdue = false) =>
      ({ id, status, enteredAt, overdue }) as LendingRequestSummary;
    const rows = [row(1, 'completed', '2026-11-01'), row(2, 'pending', '2026-11-03'), row(3, 'approved', '2026-11-02'), row(4, 'in_use', '2026-11-05', true), row(5, 'rejected', '2026-11-01')];
    expect(inProgress(rows).map((r) => r.id)).toEqual([4, 3, 2]);
  });

  it('shows each role only the tabs it may use', () => {
    expect(lendingTabs('clerk')).toEqual(['request', 'list', 'desk', 'view', 'register', 'transfer']);
    expect(lendingTabs('supervisor')).toContain('approve');
    expect(lendingTabs('supervisor')).toContain('settings');
    expect(lendingTabs('intake')).toEqual(['list', 'register']);
  });
});
