/** Entry point of the snapshot worker thread (bundled as dist/electron/snapshot-worker.cjs). */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../../../shared/errors';
import { buildSnapshot, type SnapshotJob } from './snapshotJob';

/**
 * A snapshot is background work: on Linux this thread lowers its own priority (setpriority on its
 * thread id affects only this thread) so commits on the core worker win the CPU. Best effort;
 * elsewhere setPriority would apply to the whole process, so it is left alone.
 */
function lowerOwnPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) os.setPriority(tid, 10);
  } catch {
    // not allowed or no /proc: run at normal priority
  }
}

lowerOwnPriority();
buildSnapshot(workerData as SnapshotJob).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (err: unknown) => parentPort?.postMessage({ ok: false, error: toErrorPayload(err) }),
);
