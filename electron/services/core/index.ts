/** Ways to run the core: in a worker thread (Electron, browser mode) or in-process (CLI, tests). */
import type { Result } from '../../../shared/errors';
import { spawnWorker } from '../workerEntry';
import { Core, type CoreConfig } from './core';
import type { CoreHost, CoreOptions } from './host';
import type { WorkerReply, WorkerRequest } from './protocol';

export type { CoreHost, CoreOptions } from './host';
export { Core } from './core';

type Pending = (r: Result<unknown>) => void;
type Outgoing = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function startCoreWorker(options: CoreOptions): CoreHost {
  const worker = spawnWorker('core-worker', 'core/worker.ts', { workerData: options });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: Error | null = null;
  const failAll = (err: Error) => {
    dead = err;
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'INTERNAL', message: `后台服务已停止：${err.message}。请重新启动程序。` } });
    }
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
      if (dead) {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `后台服务已停止：${dead.message}。请重新启动程序。` } });
        return;
      }
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

export function startCoreInProcess(options: CoreConfig): Core {
  return new Core(options);
}
