/** The happy path: a clerk files, a supervisor approves, the clerk checks out and takes back; all of it on record. */
import { describe, expect, it } from 'vitest';
import { ok } from '../helpers/core';
import { lendingCore, requestInput } from './seed';

describe('lending flow', () => {
  it('files, approves, checks out, returns, and lists overdue files with days and contact', async () => {
    const { core, files, later, store } = await lendingCore();
    const [a, b] = files;
    if (!a || !b) throw new Error('seed');
    const found = await ok(core, 'c', 'lending.findFile', { query: '张三' });
    expect(found.map((f) => f.archiveNo)).toEqual([a.archiveNo]);
    expect(found[0]?.status).toBe('held');
    expect((await ok(core, 'c', 'lending.findFile', { query: '0002' })).map((f) => f.name)).toEqual(['李四']);

    const req = await ok(core, 'c', 'lending.request.create', requestInput([a.archiveNo, b.archiveNo]));
    expect(req.requestNo).toBe('CJ2026-0001');
    expect(req.status).toBe('pending');
    expect(req.awaitingLevel).toBe(1);
    expect(req.enteredBy).toBe('李档案');
    expect(req.fileList.map((f) => [f.archiveNo, f.volumes, f.scope])).toEqual([[a.archiveNo, [1, 2], '全部'], [b.archiveNo, [1, 2], '全部']]);

    // A clerk has no approval queue, even for requests others entered.
    const bySup = await ok(core, 's2', 'lending.request.create', requestInput([files[2]?.archiveNo ?? '']));
    expect((await ok(core, 'c', 'lending.request.list', { queue: true })).total).toBe(0);
    expect((await ok(core, 's', 'lending.request.list', { queue: true })).rows.map((r) => r.id)).toEqual([bySup.id, req.id]);
    expect((await ok(core, 'c', 'lending.request.list', { mine: true })).rows.map((r) => r.id)).toEqual([req.id]);
    await ok(core, 's2', 'lending.request.cancel', { id: bySup.id, reason: '申请单位撤回' });
    expect((await ok(core, 's', 'lending.request.list', { status: 'cancelled' })).rows.map((r) => r.id)).toEqual([bySup.id]);

    const approved = await ok(core, 's', 'lending.approve', { id: req.id, opinion: '同意借阅' });
    expect(approved.status).toBe('approved');
    expect(approved.approvals).toEqual([expect.objectContaining({ level: 1, decision: 'approved', by: '张主管', opinion: '同意借阅' })]);
    expect(approved.approvalExpiresOn).toBe('2026-11-28');

    const out = await ok(core, 'c', 'lending.checkout', { requestId: req.id, archiveNos: [a.archiveNo, `${b.archiveNo}/1`], due: '2026-11-25' });
    expect(out.status).toBe('in_use');
    expect(out.fileList.map((f) => [f.volumesOut, f.takenBy, f.due, f.checkedOutBy])).toEqual([
      [[1, 2], '周经办', '2026-11-25', '李档案'],
      [[1], '周经办', '2026-11-25', '李档案'],
    ]);
    const statusOf = (id: number) => store.get<{ status: string }>('SELECT status FROM archive_files WHERE id = ?', [id])?.status;
    expect(statusOf(a.fileId)).toBe('on_loan');
    expect((await ok(core, 'c', 'lending.findFile', { query: '张三' }))[0]?.status).toBe('on_loan');

    expect(await ok(core, 'c', 'lending.overdue', {})).toEqual([]);
    await later(6); // 2026-11-27: two days past due
    const overdue = await ok(core, 'c', 'lending.overdue', {});
    expect(overdue.map((o) => [o.archiveNo, o.daysOverdue, o.borrower, o.contact])).toEqual([
      [a.archiveNo, 2, '周经办', '13800000000'],
      [b.archiveNo, 2, '周经办', '13800000000'],
    ]);
    expect((await ok(core, 's', 'lending.request.list', { overdue: true })).rows.map((r) => r.id)).toEqual([req.id]);

    const partly = await ok(core, 'c', 'lending.return', { archiveNo: a.archiveNo, condition: '完好', returnedBy: '周经办' });
    expect(partly.status).toBe('in_use');
    expect(statusOf(a.fileId)).toBe('held');
    const done = await ok(core, 'c', 'lending.return', { requestId: req.id, condition: '破损', conditionNote: '封皮破损', returnedBy: '周经办' });
    expect(done.status).toBe('completed');
    expect(done.fileList.map((f) => [f.returnedBy, f.receivedBy, f.condition])).toEqual([
      ['周经办', '李档案', '完好'],
      ['周经办', '李档案', '破损（封皮破损）'],
    ]);
    expect(statusOf(b.fileId)).toBe('held');
    expect(await ok(core, 'c', 'lending.overdue', {})).toEqual([]);
    expect(done.history.map((h) => h.action)).toEqual([
      'lending.request.create', 'lending.approve', 'lending.checkout', 'lending.return', 'lending.return',
    ]);
    expect(done.history[2]?.summary).toContain('取件人 周经办');
    await core.close();
  });
});
