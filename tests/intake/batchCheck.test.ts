/**
 * The background check on a delivery with planted defects: findings stored per person, the batch
 * 核验中, progress reported; a re-run replaces the digital findings but keeps the desk's resolutions.
 */
import { describe, expect, it } from 'vitest';
import { generateDelivery } from '../../bench/fixtures/deliveryGenerator';
import { ok } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { intakeDesk, newBatch, waitJob } from './intakeFixtures';

describe('intake check job', () => {
  it('stores the digital findings per person and keeps resolutions across a re-run', async () => {
    const { core } = await intakeDesk();
    const d = await generateDelivery({ dir: tempDir(), persons: 4, pages: [3, 4], width: 800, defects: ['page-count', 'no-folder', 'low-dpi'], concurrency: 2 });
    const batch = await newBatch(core);
    await ok(core, 'desk', 'intake.roster.import', { batchId: batch.id, file: d.rosterFile });
    // A cancelled check stores nothing.
    const cancelled = await ok(core, 'desk', 'intake.check.start', { batchId: batch.id, packageDir: d.packageDir });
    expect((await ok(core, 'desk', 'intake.job.cancel', { jobId: cancelled.jobId })).kind).toBe('check');
    expect((await waitJob(core, 'desk', cancelled.jobId)).state).toBe('cancelled');
    expect(await ok(core, 'desk', 'intake.finding.list', { batchId: batch.id })).toEqual([]);

    const { jobId } = await ok(core, 'desk', 'intake.check.start', { batchId: batch.id });
    const running = await ok(core, 'desk', 'intake.batch.get', { id: batch.id });
    expect(running.batch.status).toBe('checking');
    const job = await waitJob(core, 'desk', jobId);
    expect(job).toMatchObject({ state: 'done', phase: '保存结果', done: 1, total: 1, etaSeconds: null });

    const findings = await ok(core, 'desk', 'intake.finding.list', { batchId: batch.id });
    for (const planted of d.defects) {
      const hit = findings.find((f) => f.code === planted.code && f.idNumber === planted.idNumber);
      expect(hit, planted.code).toBeDefined();
      expect(hit?.source).toBe('digital');
      // Linked to the person's roster row, so the decision screen can group by person.
      expect(hit?.rosterRowId).not.toBeNull();
    }
    const persons = await ok(core, 'desk', 'intake.person.list', { batchId: batch.id, withOpenFindings: true });
    expect(persons.total).toBe(d.defects.length);

    const lowDpi = findings.find((f) => f.code === 'LOW_DPI');
    await ok(core, 'desk', 'intake.finding.resolve', { findingId: lowDpi?.id as number, note: '企业已重新扫描，补交光盘' });
    const again = await waitJob(core, 'desk', (await ok(core, 'desk', 'intake.check.start', { batchId: batch.id })).jobId);
    expect(again.message).toMatch(/其中 1 个沿用原处理说明/);
    const after = await ok(core, 'desk', 'intake.finding.list', { batchId: batch.id });
    expect(after.map((f) => [f.code, f.idNumber, f.state])).toEqual(findings.map((f) => [f.code, f.idNumber, f.code === 'LOW_DPI' ? 'resolved' : 'open']));
    expect(after.find((f) => f.code === 'LOW_DPI')?.resolution).toBe('企业已重新扫描，补交光盘');
    const detail = await ok(core, 'desk', 'intake.batch.get', { id: batch.id });
    expect(detail.counts).toMatchObject({ persons: 4, findingsResolved: 1, findingsOpen: findings.length - 1 });
    expect(detail.runningJobs).toEqual([]);
    await core.close();
  }, 60_000);
});
