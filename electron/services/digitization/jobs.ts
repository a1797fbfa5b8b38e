/**
 * Background jobs of an open workspace (import, watch, scan, export). A handler starts one and
 * returns its id at once: the core serialises calls, so a batch must never run inside a call.
 * The job body runs as a detached task in the core worker and reports progress here.
 */
import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Job } from '../../../shared/types';

const MAX_ERRORS = 1000;
const KEEP_FINISHED = 200;

export interface JobHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  setTotal(total: number | null): void;
  /** One unit of work finished (a page stored, a file written). */
  done(): void;
  /** One unit failed; the job goes on. `source` names the file/page, `message` says why in Chinese. */
  failed(source: string, message: string): void;
  /** A problem worth showing that did not fail a unit (e.g. a page exported without a text layer). */
  warn(source: string, message: string): void;
  setMessage(message: string): void;
  addOutput(file: string): void;
}

interface JobRecord {
  job: Job;
  controller: AbortController;
  startedAt: number;
  task: Promise<void>;
}

export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();

  /**
   * Starts `body` detached. Whatever it throws ends the job as failed with that message; an abort
   * ends it as cancelled. The returned Job is a snapshot.
   */
  start(kind: Job['kind'], volumeId: number, body: (h: JobHandle) => Promise<string | void>): Job {
    const id = crypto.randomUUID();
    const controller = new AbortController();
    const job: Job = { id, kind, volumeId, state: 'running', done: 0, total: null, failed: 0, etaSeconds: null, errors: [], message: '', outputs: [] };
    const record: JobRecord = { job, controller, startedAt: performance.now(), task: Promise.resolve() };
    const pushError = (source: string, message: string) => {
      if (job.errors.length < MAX_ERRORS) job.errors.push({ source, message });
    };
    const handle: JobHandle = {
      id,
      signal: controller.signal,
      setTotal: (total) => {
        job.total = total;
      },
      done: () => {
        job.done++;
      },
      failed: (source, message) => {
        job.failed++;
        pushError(source, message);
      },
      warn: pushError,
      setMessage: (message) => {
        job.message = message;
      },
      addOutput: (file) => {
        job.outputs.push(file);
      },
    };
    this.prune();
    this.jobs.set(id, record);
    // Deferred a tick so the handler has returned the id before any work (and any commit) happens.
    record.task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => body(handle))
      .then(
        (message) => {
          job.state = controller.signal.aborted ? 'cancelled' : 'done';
          if (typeof message === 'string') job.message = message;
          else if (job.state === 'cancelled') job.message = '已取消。';
        },
        (err: unknown) => {
          if (controller.signal.aborted) {
            job.state = 'cancelled';
            job.message = '已取消。';
          } else {
            job.state = 'failed';
            job.message = err instanceof Error ? err.message : String(err);
          }
        },
      );
    return this.snapshot(record);
  }

  get(id: string): Job {
    return this.snapshot(this.require(id));
  }

  cancel(id: string): Job {
    const r = this.require(id);
    if (r.job.state === 'running') r.controller.abort();
    return this.snapshot(r);
  }

  /** Resolves when the job has finished (any state). */
  async wait(id: string): Promise<Job> {
    const r = this.require(id);
    await r.task;
    return this.snapshot(r);
  }

  running(volumeId?: number): Job[] {
    return [...this.jobs.values()].filter((r) => r.job.state === 'running' && (volumeId === undefined || r.job.volumeId === volumeId)).map((r) => this.snapshot(r));
  }

  /** Cancels every running job and waits for each to stop (workspace closing). */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((r) => r.job.state === 'running');
    for (const r of running) r.controller.abort();
    await Promise.all(running.map((r) => r.task));
  }

  private require(id: string): JobRecord {
    const r = this.jobs.get(id);
    if (!r) throw new AppError('NOT_FOUND', '找不到该任务（程序重启后任务记录不再保留）。请刷新页面查看结果。');
    return r;
  }

  private snapshot(r: JobRecord): Job {
    const j = r.job;
    return { ...j, etaSeconds: j.state === 'running' ? eta(j, performance.now() - r.startedAt) : null, errors: [...j.errors], outputs: [...j.outputs] };
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, r]) => r.job.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}

/** Seconds left at the rate so far; unknown until one unit is through or while the total is unknown. */
export function eta(j: Pick<Job, 'done' | 'failed' | 'total'>, elapsedMs: number): number | null {
  const through = j.done + j.failed;
  if (j.total === null || through === 0) return null;
  const left = Math.max(0, j.total - through);
  return Math.round(((elapsedMs / through) * left) / 1000);
}
