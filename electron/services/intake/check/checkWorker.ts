/**
 * Entry point of an intake check worker thread (bundled as dist/electron/intake-check-worker.cjs):
 * runs phase (a) (hash + header) and phase (b) (decoded checks) for one file per message, so the
 * JavaScript analysis of every page runs off the core's thread and on every core.
 */
import { parentPort } from 'node:worker_threads';
import { decodedChecks, transferablesOf } from './decodedChecks';
import { fileHeader } from './fileHeader';
import type { CheckTask, CheckReply } from './checkPool';
import { readUntrustedSync } from './safeRead';

async function run(task: CheckTask): Promise<Extract<CheckReply, { ok: true }>> {
  // A blocking read costs this thread nothing, and stays out of libuv's pool, busy with decodes.
  const read = readUntrustedSync(task.abs, task.limits.maxImageBytes);
  if (task.kind === 'headers') return { id: task.id, ok: true, kind: 'headers', value: await fileHeader(read, task.limits) };
  return { id: task.id, ok: true, kind: 'decoded', value: await decodedChecks(read, task.pages, task.limits) };
}

parentPort?.on('message', (task: CheckTask) => {
  run(task).then(
    (reply) => parentPort?.postMessage(reply, reply.kind === 'decoded' ? transferablesOf(reply.value) : []),
    (err: unknown) => parentPort?.postMessage({ id: task.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies CheckReply),
  );
});
