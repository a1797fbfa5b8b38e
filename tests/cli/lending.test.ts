/** `npm run -s cli -- lending …`: the real CLI on a workspace seeded in-process; refusals exit 1 with the reason on stderr. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDay, addDays } from '../../electron/services/domain/lending/dates';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { lendingCore, READER } from '../lending/seed';

const CLERK = { ARCHIVE_PASSWORD: 'clerk-password' };
const SUP = { ARCHIVE_PASSWORD: 'sup1-password' };

describe('lending CLI', () => {
  // Each call is a fresh process (tsx + sign-in), so the scenario keeps to the steps the issue names.
  it('requests, refuses self-approval, approves, checks out, lists, returns, writes the register', async () => {
    // The CLI runs on the real clock, so the workspace is seeded on it too.
    const { core, files, workspaceDir } = await lendingCore({ clock: { now: new Date(), advance: () => undefined } });
    await core.close();
    const [a] = files;
    if (!a) throw new Error('seed');
    const today = localDay(new Date());
    const base = ['--data', workspaceDir, '--json'];
    const reader = [READER.name, READER.idNumber, READER.unit, READER.post, READER.political, READER.contact].join(',');

    const req = cli(['lending', 'request', ...base, '--user', 'sup1', '--type', '借阅', '--purpose', '户口迁移', '--unit', '城关派出所',
      '--reader', reader, '--archive', a.archiveNo, '--from', today, '--to', addDays(today, 3)], SUP);
    expect(req.code, req.stderr).toBe(0);
    const created = JSON.parse(req.stdout) as { id: number; requestNo: string; status: string };
    expect(created.status).toBe('pending');

    const self = cli(['lending', 'approve', ...base, '--user', 'sup1', '--id', String(created.id)], SUP);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('登记人不得审批');
    const approve = cli(['lending', 'approve', ...base, '--user', 'admin', '--id', String(created.id), '--opinion', '同意'], { ARCHIVE_PASSWORD: 'admin-password-1' });
    expect(approve.code, approve.stderr).toBe(0);
    expect((JSON.parse(approve.stdout) as { status: string }).status).toBe('approved');

    const out = cli(['lending', 'checkout', '--data', workspaceDir, '--user', 'clerk1', '--id', String(created.id), '--archive', a.archiveNo, '--due', addDays(today, 2)], CLERK);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('已出库');

    const listed = cli(['lending', 'list', ...base, '--user', 'clerk1', '--status', 'in_use'], CLERK);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { rows: { requestNo: string }[] }).rows.map((r) => r.requestNo)).toEqual([created.requestNo]);

    const back = cli(['lending', 'return', ...base, '--user', 'clerk1', '--archive', a.archiveNo, '--returned-by', '周经办'], CLERK);
    expect(back.code, back.stderr).toBe(0);
    expect((JSON.parse(back.stdout) as { status: string }).status).toBe('completed');
    const xlsx = path.join(tempDir(), '登记簿.xlsx');
    const reg = cli(['lending', 'register', '--data', workspaceDir, '--user', 'clerk1', '--from', today, '--to', today, '--out', xlsx], CLERK);
    expect(reg.code, reg.stderr).toBe(0);
    expect(fs.statSync(xlsx).size).toBeGreaterThan(1000);
  }, 120_000);
});
