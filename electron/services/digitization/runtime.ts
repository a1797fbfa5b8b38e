/**
 * The digitization services bound to one open workspace: background jobs, undo stacks, the OCR
 * queue and the OCR pool (created on first use, one per workspace). A close hook stops them all
 * before the store closes, so no job writes into a closed store.
 */
import os from 'node:os';
import type { OpenWorkspace } from '../core/workspace';
import { JobRegistry } from './jobs';
import { OcrQueue } from './ocrQueue';
import type { BuildSearchablePdf, Imaging, OcrEngine } from './ports';
import type { StripDeps } from './strip';
import { UndoStacks } from './undo';

export interface RuntimeDeps {
  imaging: Imaging;
  createOcr: () => Promise<OcrEngine>;
  buildPdf: BuildSearchablePdf;
}

export class DigitizationRuntime implements StripDeps {
  readonly jobs = new JobRegistry();
  readonly undo = new UndoStacks();
  readonly ocrQueue: OcrQueue;
  readonly imaging: Imaging;
  readonly buildPdf: BuildSearchablePdf;
  private engine: Promise<OcrEngine> | null = null;
  private closed = false;

  constructor(
    readonly ws: OpenWorkspace,
    private readonly deps: RuntimeDeps,
  ) {
    this.imaging = deps.imaging;
    this.buildPdf = deps.buildPdf;
    this.ocrQueue = new OcrQueue({
      store: ws.store,
      engine: () => this.ocrEngine(),
      concurrency: Math.max(1, os.availableParallelism()),
      clock: () => new Date(),
    });
  }

  /** The workspace's OCR pool, started on first use. A pool that failed to start is retried next time. */
  ocrEngine(): Promise<OcrEngine> {
    if (this.closed) return Promise.reject(new Error('档案库正在关闭。'));
    if (!this.engine) {
      this.engine = this.deps.createOcr();
      this.engine.catch(() => {
        this.engine = null;
      });
    }
    return this.engine;
  }

  enqueueOcr(pageId: number): void {
    this.ocrQueue.enqueue(pageId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.jobs.stopAll();
    await this.ocrQueue.stop();
    const engine = await this.engine?.catch(() => null);
    await engine?.close();
  }
}

const runtimes = new WeakMap<OpenWorkspace, DigitizationRuntime>();

/** The runtime of an open workspace, created (and its close hook registered) on first use. */
export function runtimeFor(ws: OpenWorkspace, deps: () => RuntimeDeps): DigitizationRuntime {
  let rt = runtimes.get(ws);
  if (!rt) {
    const created = new DigitizationRuntime(ws, deps());
    runtimes.set(ws, created);
    ws.closeHooks.push(() => created.close());
    rt = created;
  }
  return rt;
}
