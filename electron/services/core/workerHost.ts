/**
 * The core in a worker thread (Electron main, browser mode). Kept apart from core.ts so the main
 * process bundle does not pull in the database code it never runs.
 */
import type { Result } from '../../../shared/errors';
import { spawnWorker } from '../workerEntry';
import type { CoreHost, CoreOptions } from './host';
import type { WorkerReply, WorkerRequest } from './protocol';

type Pending = (r: Result<unknown>) => void;
type Outgoing = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function startCoreWorker(options: CoreOptions): CoreHost {
  const worker = spawnWorker('core-worker', 'core/worker.ts', { workerData: options });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: Error | null = null;
  const stopped = (err: Error): Result<unknown> => ({
    ok: false,
    error: { code: 'INTERNAL', message: `后台服务已停止：${err.message}。请重新启动程序。` },
  });
  const failAll = (err: Error) => {
    dead = err;
    for (const resolve of pending.values()) resolve(stopped(err));
    pending.clear();
  };
  worker.on('message', (reply: WorkerReply) => {
    pending.get(reply.id)?.(reply.result);
    pending.delete(reply.id);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`exit ${code}`)));

  const send = (msg: Outgoing): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      if (dead) return resolve(stopped(dead));
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...msg, id } as WorkerRequest);
    });

  return {
    call: (sessionId, method, payload) => send({ type: 'call', sessionId, method, payload }),
    endSession: async (sessionId) => {
      await send({ type: 'endSession', sessionId });
    },
    close: async () => {
      if (!dead) await send({ type: 'close' });
      await worker.terminate();
    },
  };
}
