/** Shared set-up for the intake workflow tests: a workspace with two communities and the three roles signed in. */
import path from 'node:path';
import { expect } from 'vitest';
import type { Core } from '../../electron/services/core/core';
import type { IntakeJob } from '../../shared/intakeTypes';
import { writeOfficialRoster, type RosterEntry } from '../../bench/fixtures/deliveryRoster';
import { ok, seededCore, type Clock } from '../helpers/core';
import { tempDir } from '../helpers/temp';

export async function intakeDesk(opts: { clock?: Clock } = {}) {
  const seeded = await seededCore(opts);
  const { core } = seeded;
  const west = await ok(core, 'admin', 'community.add', { townId: seeded.town.id, code: '002', name: '西湖社区' });
  await ok(core, 'admin', 'user.add', { name: 'desk1', displayName: '陈接收', role: 'intake', password: 'desk-password' });
  await ok(core, 'admin', 'user.add', { name: 'boss1', displayName: '周主管', role: 'supervisor', password: 'boss-password' });
  await ok(core, 'desk', 'session.login', { name: 'desk1', password: 'desk-password' });
  await ok(core, 'boss', 'session.login', { name: 'boss1', password: 'boss-password' });
  // Page-number OCR is covered by the check engine's own tests; here it would only add seconds.
  await ok(core, 'admin', 'intake.settings.update', { readPageNumbers: false });
  return { ...seeded, east: seeded.community, west };
}

export async function newBatch(core: Core, session = 'desk', enterprise = '某某机械厂') {
  return ok(core, session, 'intake.batch.create', { enterprise, contact: '李红梅', contactPhone: '13800001111', deliveredBy: '赵六', deliveredOn: '2026-11-20', note: '' });
}

export async function rosterFile(entries: readonly RosterEntry[]): Promise<string> {
  const file = path.join(tempDir(), '档案移交名册表.xlsx');
  await writeOfficialRoster(file, entries);
  return file;
}

export async function waitJob(core: Core, session: string, jobId: string): Promise<IntakeJob> {
  for (let i = 0; i < 600; i++) {
    const job = await ok(core, session, 'intake.job.get', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect.fail(`job ${jobId} did not finish`);
}

/** Records the desk count of every person of a batch as declared on the roster. */
export async function countAll(core: Core, batchId: number, session = 'desk'): Promise<void> {
  const persons = await ok(core, session, 'intake.person.list', { batchId, limit: 500 });
  for (const p of persons.rows) {
    await ok(core, session, 'intake.desk.record', { batchId, idNumber: p.idNumber, volumes: p.volumesDeclared ?? 1, pages: p.pagesDeclared ?? 1 });
  }
}
