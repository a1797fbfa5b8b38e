/** Every refusal of domain.md §8 through the real core: the plain reason comes back and the refusal is in the audit log. */
import { describe, expect, it } from 'vitest';
import { fails, makeId, ok } from '../helpers/core';
import { lendingCore, READER, requestInput } from './seed';

describe('lending rules', () => {
  it('refuses own file, direct relatives, bad check digits, long periods without a note; each refusal audited', async () => {
    const { core, files } = await lendingCore();
    const [a] = files;
    if (!a) throw new Error('seed');
    const own = await fails(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { readers: [{ ...READER, name: '张三', idNumber: a.idNumber }] }));
    expect(own.message).toContain('本人不得查阅');
    const relative = await fails(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { readers: [{ ...READER, relation: '子女' }] }));
    expect(relative.message).toContain('直系亲属不得');
    const badId = READER.idNumber.slice(0, 17) + (READER.idNumber.endsWith('0') ? '1' : '0');
    const digit = await fails(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { readers: [{ ...READER, idNumber: badId }] }));
    expect(digit.message).toMatch(/周经办.*校验位错误/);
    const long = await fails(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { periodTo: '2026-12-05' }));
    expect(long.message).toContain('超过规定的 7 天');
    expect((await fails(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { purpose: '其他' }))).message).toContain('具体用途');
    expect((await fails(core, 'c', 'lending.request.create', requestInput(['NOPE-1']))).code).toBe('NOT_FOUND');
    expect((await fails(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { files: [{ archiveNo: a.archiveNo, volumes: [3] }] }))).message).toContain('没有第 3 卷');
    // A sibling is not a direct relative; a long period with a reason is fine.
    const okReq = await ok(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { periodTo: '2026-12-05', note: '异地办理，路途较远', readers: [{ ...READER, relation: '兄弟姐妹' }] }));
    expect(okReq.status).toBe('pending');

    const audit = await ok(core, 'admin', 'audit.list', { action: 'lending.refused', limit: 50 });
    expect(audit.rows).toHaveLength(7);
    expect(JSON.stringify(audit.rows)).toContain('直系亲属');
    // Refusals stored nothing.
    expect((await ok(core, 's', 'lending.request.list', {})).total).toBe(1);
    await core.close();
  });

  it('approval: never by the person who entered it, not twice, not after rejection or expiry; clerks cannot approve', async () => {
    const { core, files, later } = await lendingCore();
    const [a, b, c] = files;
    if (!a || !b || !c) throw new Error('seed');
    const byClerk = await ok(core, 'c', 'lending.request.create', requestInput([a.archiveNo]));
    expect((await fails(core, 'c', 'lending.approve', { id: byClerk.id })).code).toBe('FORBIDDEN');
    const bySup = await ok(core, 's', 'lending.request.create', requestInput([b.archiveNo]));
    expect((await fails(core, 's', 'lending.approve', { id: bySup.id })).message).toContain('登记人不得审批');
    expect((await fails(core, 's', 'lending.reject', { id: bySup.id, opinion: '不同意' })).message).toContain('登记人不得审批');
    await ok(core, 's2', 'lending.reject', { id: bySup.id, opinion: '介绍信不全' });
    expect((await fails(core, 's2', 'lending.approve', { id: bySup.id })).message).toContain('已被驳回');
    await ok(core, 's', 'lending.approve', { id: byClerk.id });
    expect((await fails(core, 's2', 'lending.approve', { id: byClerk.id })).message).toContain('已审批完毕');

    const third = await ok(core, 'c', 'lending.request.create', requestInput([c.archiveNo]));
    await ok(core, 's', 'lending.approve', { id: third.id });
    await later(8, ['c', 's', 's2', 'admin']); // approvals given on 11-21 lapse after 11-28
    const expired = await ok(core, 'c', 'lending.request.get', { id: third.id });
    expect(expired.status).toBe('expired');
    expect((await fails(core, 's2', 'lending.approve', { id: third.id })).message).toContain('已过期');
    const late = await fails(core, 'c', 'lending.checkout', { requestId: third.id, archiveNos: [c.archiveNo], due: '2026-11-29' });
    expect(late.message).toContain('过期失效');
    const refused = await ok(core, 'admin', 'audit.list', { action: 'lending.refused', limit: 50 });
    expect(refused.rows).toHaveLength(6);
    const denied = await ok(core, 'admin', 'audit.list', { action: 'access.denied', limit: 50 });
    expect(denied.rows.map((r) => r.entityId)).toContain('lending.approve');
    await core.close();
  });

  it('second level: two different supervisors; the first level alone does not allow execution', async () => {
    const { core, files } = await lendingCore();
    const [a] = files;
    if (!a) throw new Error('seed');
    expect((await fails(core, 'c', 'lending.settings.update', { secondLevelApproval: true })).code).toBe('FORBIDDEN');
    const settings = await ok(core, 's', 'lending.settings.update', { secondLevelApproval: true });
    expect(settings).toMatchObject({ secondLevelApproval: true, loanLimitDays: 7, approvalExpiryDays: 7 });
    const req = await ok(core, 'c', 'lending.request.create', requestInput([a.archiveNo]));
    const first = await ok(core, 's', 'lending.approve', { id: req.id, opinion: '同意' });
    expect([first.status, first.awaitingLevel]).toEqual(['pending', 2]);
    expect((await fails(core, 's', 'lending.approve', { id: req.id })).message).toContain('第二级审批须由另一位主管');
    expect((await ok(core, 's', 'lending.request.list', { queue: true })).total).toBe(0);
    expect((await ok(core, 's2', 'lending.request.list', { queue: true })).total).toBe(1);
    expect((await fails(core, 'c', 'lending.checkout', { requestId: req.id, archiveNos: [a.archiveNo], due: '2026-11-22' })).message).toContain('尚未审批通过');
    const second = await ok(core, 's2', 'lending.approve', { id: req.id, opinion: '同意' });
    expect(second.status).toBe('approved');
    expect(second.approvals.map((x) => [x.level, x.by])).toEqual([[1, '张主管'], [2, '赵主管']]);
    await core.close();
  });

  it('execution: only approved volumes, a file out cannot go out again, returning what is not out is refused', async () => {
    const { core, files, store } = await lendingCore();
    const [a, b] = files;
    if (!a || !b) throw new Error('seed');
    const narrow = await ok(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { files: [{ archiveNo: a.archiveNo, volumes: [1] }] }));
    expect(narrow.fileList[0]?.scope).toBe('第 1 卷');
    const other = await ok(core, 'c', 'lending.request.create', requestInput([a.archiveNo], { type: '查阅', readers: [{ ...READER, idNumber: makeId('19850505', '777') }] }));
    await ok(core, 's', 'lending.approve', { id: narrow.id });
    await ok(core, 's', 'lending.approve', { id: other.id });
    expect((await fails(core, 'c', 'lending.checkout', { requestId: narrow.id, archiveNos: [`${a.archiveNo}/2`], due: '2026-11-24' })).message).toContain('第 2 卷不在批准范围内');
    expect((await fails(core, 'c', 'lending.checkout', { requestId: narrow.id, archiveNos: [b.archiveNo], due: '2026-11-24' })).message).toContain('不在这份申请批准的范围内');
    expect((await fails(core, 'c', 'lending.checkout', { requestId: narrow.id, archiveNos: [a.archiveNo], due: '2026-12-24' })).message).toContain('超出批准的期限');
    expect((await fails(core, 'c', 'lending.return', { archiveNo: a.archiveNo, condition: '完好', returnedBy: '周经办' })).message).toContain('没有借出');
    await ok(core, 'c', 'lending.checkout', { requestId: narrow.id, archiveNos: [a.archiveNo], due: '2026-11-24' });
    expect((await fails(core, 'c', 'lending.checkout', { requestId: narrow.id, archiveNos: [a.archiveNo], due: '2026-11-24' })).message).toContain('尚未归还');
    expect((await fails(core, 'c', 'lending.checkout', { requestId: other.id, archiveNos: [a.archiveNo], due: '2026-11-24' })).message).toContain('已借出');
    expect((await fails(core, 'c', 'lending.request.create', requestInput([a.archiveNo]))).message).toContain('不能再借');
    expect(store.get<{ n: number }>('SELECT count(*) AS n FROM lending_files WHERE checked_out_at IS NOT NULL')?.n).toBe(1);
    // Even a direct write cannot put one file on two open loans.
    expect(() => store.write((tx) => tx.run("UPDATE lending_files SET checked_out_at = 'x' WHERE request_id = ?", [other.id]))).toThrow();
    expect((await fails(core, 'i', 'lending.request.list', {})).code).toBe('FORBIDDEN');
    expect((await fails(core, 'i', 'lending.checkout', { requestId: other.id, archiveNos: [a.archiveNo], due: '2026-11-24' })).code).toBe('FORBIDDEN');
    await core.close();
  });
});
