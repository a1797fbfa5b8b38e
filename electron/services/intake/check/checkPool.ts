/**
 * Worker threads for phases (a) and (b), one per core: each file's hashing, header, decode and
 * analysis run in a worker, so every core does useful work (on the core's own thread the analysis
 * alone kept phase (b) near one core). A task goes to the worker with the fewest in flight. With no
 * workers (or when one fails or dies) the same functions run in-process.
 */
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../../workerEntry';
import { decodedChecks, type DecodedFile, type PageToDecode } from './decodedChecks';
import { fileHeader, type FileHeader } from './fileHeader';
import type { ImageLimits } from './pageRecords';
import { readUntrusted } from './safeRead';

type Limits = Pick<ImageLimits, 'maxImageBytes' | 'maxPixels' | 'maxTiffPages'>;

export type CheckTask = { id: number; abs: string; limits: Limits } & ({ kind: 'headers' } | { kind: 'decoded'; pages: PageToDecode[] });
export type CheckReply =
  | { id: number; ok: true; kind: 'headers'; value: FileHeader }
  | { id: number; ok: true; kind: 'decoded'; value: DecodedFile }
  | { id: number; ok: false; message: string };

export interface CheckPool {
  headers(abs: string, limits: Limits): Promise<FileHeader>;
  decoded(abs: string, pages: PageToDecode[], limits: Limits): Promise<DecodedFile>;
  close(): Promise<void>;
}

type Task = { kind: 'headers'; abs: string; limits: Limits } | { kind: 'decoded'; abs: string; pages: PageToDecode[]; limits: Limits };

interface Pending {
  task: Task;
  resolve: (v: FileHeader | DecodedFile) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  alive: boolean;
}

async function inline(task: Task): Promise<FileHeader | DecodedFile> {
  const read = await readUntrusted(task.abs, task.limits.maxImageBytes);
  return task.kind === 'headers' ? fileHeader(read, task.limits) : decodedChecks(read, task.pages, task.limits);
}

export function createCheckPool(workers: number): CheckPool {
  let nextId = 1;
  let closed = false;
  const slots: Slot[] = [];
  const fallBack = (p: Pending) => inline(p.task).then(p.resolve, p.reject);
  for (let i = 0; i < workers; i++) {
    const slot: Slot = { worker: spawnWorker('intake-check-worker', 'intake/check/checkWorker.ts'), pending: new Map(), alive: true };
    slot.worker.on('message', (reply: CheckReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      // A failure of the worker itself (never of the file's content, which is a result) is redone here.
      if (!reply.ok) void fallBack(p);
      else p.resolve(reply.value);
    });
    const lost = () => {
      slot.alive = false;
      const left = [...slot.pending.values()];
      slot.pending.clear();
      for (const p of left) {
        if (closed) p.reject(new Error('核验已停止。'));
        else void fallBack(p);
      }
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', lost);
    slots.push(slot);
  }

  const run = (task: Task): Promise<FileHeader | DecodedFile> => {
    if (closed) return Promise.reject(new Error('核验已停止。'));
    let slot: Slot | undefined;
    for (const s of slots) if (s.alive && (!slot || s.pending.size < slot.pending.size)) slot = s;
    if (!slot) return inline(task);
    const id = nextId++;
    const target = slot;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { task, resolve, reject });
      target.worker.postMessage({ ...task, id } satisfies CheckTask);
    });
  };

  return {
    headers: (abs, limits) => run({ kind: 'headers', abs, limits }) as Promise<FileHeader>,
    decoded: (abs, pages, limits) => run({ kind: 'decoded', abs, pages, limits }) as Promise<DecodedFile>,
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
