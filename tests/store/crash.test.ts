/**
 * Crash test: a child process commits in a loop and is SIGKILLed at random moments (many of them
 * while a snapshot is being written). After every kill the workspace opens, verifyFiles() is clean
 * and every commit the child acknowledged is there.
 */
import { afterEach, expect, test } from 'vitest';
import fs from 'node:fs';
import { openStore } from '../../electron/services/store/index';
import { killed, spawnTs, waitForOutput } from './childProcess';
import { newWorkspace, removeTempDirs, rowIds } from './helpers';

afterEach(removeTempDirs);

const KILLS = 28;

test(`survives ${KILLS} SIGKILLs with every acknowledged commit intact`, async () => {
  const { dir, key, store } = await newWorkspace();
  await store.close();
  const acked = new Set<number>();
  let killedDuringSnapshot = 0;
  let tornTails = 0;
  let snapshotTempFiles = 0;
  for (let round = 0; round < KILLS; round++) {
    const child = spawnTs('crashWriter.ts', [dir], { STORE_KEY: key.toString('hex') });
    let pending = '';
    let inSnapshot = false;
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? ''; // a line cut by the kill is not an acknowledgement
      for (const line of lines) {
        if (line.startsWith('ack ')) acked.add(Number(line.slice(4)));
        else if (line === 'snap start') inSnapshot = true;
        else if (line === 'snap done') inSnapshot = false;
      }
    });
    await waitForOutput(child, /ready/);
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 300));
    await killed(child);
    if (inSnapshot) killedDuringSnapshot += 1;
    expect(child.signalCode).toBe('SIGKILL'); // it was still committing, not dead of an error

    if (fs.readdirSync(dir).some((n) => n.startsWith('snapshot-') && n.includes('.tmp-'))) snapshotTempFiles += 1;
    const reopened = await openStore(dir, key, { autoSnapshot: false });
    if (reopened.openInfo.tornTail) tornTails += 1;
    const present = new Set(rowIds(reopened));
    const missing = [...acked].filter((id) => !present.has(id));
    expect(missing).toEqual([]);
    const report = await reopened.verifyFiles();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    await reopened.close();
  }
  expect(acked.size).toBeGreaterThan(KILLS * 10);
  // Logged for the record; the kill moments are random, so these are not asserted exactly.
  console.log(`crash test: ${KILLS} kills, ${acked.size} acknowledged commits, ${killedDuringSnapshot} kills during a snapshot (${snapshotTempFiles} left a temp file), ${tornTails} torn tails`);
  expect(killedDuringSnapshot).toBeGreaterThan(0);
}, 120_000);
