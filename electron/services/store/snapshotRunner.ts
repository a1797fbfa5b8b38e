/** Runs a snapshot job in its own worker thread and resolves with its result. */
import { AppError, fromErrorPayload, type ErrorPayload } from '../../../shared/errors';
import { spawnWorker } from '../workerEntry';
import type { SnapshotJob, SnapshotJobResult } from './snapshotJob';

type Reply = { ok: true; result: SnapshotJobResult } | { ok: false; error: ErrorPayload };

export function runSnapshotInWorker(job: SnapshotJob): Promise<SnapshotJobResult> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker('snapshot-worker', 'store/snapshotWorker.ts', { workerData: job });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.once('message', (reply: Reply) => settle(() => (reply.ok ? resolve(reply.result) : reject(fromErrorPayload(reply.error)))));
    worker.once('error', (err: Error) => settle(() => reject(new AppError('INTERNAL', `生成快照的后台线程出错：${err.message}`))));
    worker.once('exit', (code) => settle(() => reject(new AppError('INTERNAL', `生成快照的后台线程意外退出（代码 ${code}）。`))));
  });
}
