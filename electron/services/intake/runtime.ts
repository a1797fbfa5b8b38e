/**
 * Background jobs of the intake area for one open workspace: the delivery check and the import of
 * an accepted batch's digital copies. Reuses digitization's JobRegistry (detached body, progress,
 * cancel) and adds what intake shows: the job's kind, its batch and the check's phase, with an ETA
 * per phase. A close hook stops the jobs before the store closes.
 */
import type { IntakeJob } from '../../../shared/intakeTypes';
import type { OpenWorkspace } from '../core/workspace';
import { eta, JobRegistry, type JobHandle } from '../digitization/jobs';

export interface IntakeJobHandle extends JobHandle {
  /** Starts a phase: its name (Chinese) and size; progress and ETA are per phase. */
  phase(name: string, total: number | null): void;
  /** Units done in the current phase so far. */
  progress(done: number): void;
}

interface Meta {
  kind: IntakeJob['kind'];
  batchId: number;
  phase: string;
  phaseStart: number;
  done: number | null;
  total: number | null;
}

export class IntakeRuntime {
  private readonly jobs = new JobRegistry();
  private readonly meta = new Map<string, Meta>();

  start(kind: IntakeJob['kind'], batchId: number, body: (h: IntakeJobHandle) => Promise<string | void>): IntakeJob {
    const meta: Meta = { kind, batchId, phase: '', phaseStart: performance.now(), done: null, total: null };
    const job = this.jobs.start('import', batchId, (h) => {
      const handle: IntakeJobHandle = {
        ...h,
        phase: (name, total) => {
          meta.phase = name;
          meta.phaseStart = performance.now();
          meta.done = 0;
          meta.total = total;
          h.setMessage(name);
        },
        progress: (done) => {
          meta.done = done;
        },
      };
      return body(handle);
    });
    this.meta.set(job.id, meta);
    return this.get(job.id);
  }

  get(id: string): IntakeJob {
    const j = this.jobs.get(id);
    const m = this.meta.get(id);
    const phased = m !== undefined && m.done !== null;
    const done = phased ? (m.done ?? 0) : j.done;
    const total = phased ? m.total : j.total;
    return {
      id: j.id,
      kind: m?.kind ?? 'check',
      batchId: m?.batchId ?? j.volumeId,
      state: j.state,
      phase: m?.phase ?? '',
      done,
      total,
      failed: j.failed,
      etaSeconds: j.state === 'running' && m ? eta({ done, failed: 0, total }, performance.now() - m.phaseStart) : null,
      errors: j.errors,
      message: j.message,
    };
  }

  cancel(id: string): IntakeJob {
    this.jobs.cancel(id);
    return this.get(id);
  }

  async wait(id: string): Promise<IntakeJob> {
    await this.jobs.wait(id);
    return this.get(id);
  }

  running(batchId: number, kind?: IntakeJob['kind']): IntakeJob[] {
    return this.jobs
      .running()
      .filter((j) => this.meta.get(j.id)?.batchId === batchId && (kind === undefined || this.meta.get(j.id)?.kind === kind))
      .map((j) => this.get(j.id));
  }

  stopAll(): Promise<void> {
    return this.jobs.stopAll();
  }
}

const runtimes = new WeakMap<OpenWorkspace, IntakeRuntime>();

export function intakeRuntimeFor(ws: OpenWorkspace): IntakeRuntime {
  let rt = runtimes.get(ws);
  if (!rt) {
    const created = new IntakeRuntime();
    runtimes.set(ws, created);
    ws.closeHooks.push(() => created.stopAll());
    rt = created;
  }
  return rt;
}
