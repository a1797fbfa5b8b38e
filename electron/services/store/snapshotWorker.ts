/** Entry point of the snapshot worker thread (bundled as dist/electron/snapshot-worker.cjs). */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../../../shared/errors';
import { buildSnapshot, type SnapshotJob } from './snapshotJob';

buildSnapshot(workerData as SnapshotJob).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (err: unknown) => parentPort?.postMessage({ ok: false, error: toErrorPayload(err) }),
);
