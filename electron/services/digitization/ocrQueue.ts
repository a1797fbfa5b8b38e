/**
 * Background OCR of stored pages. Pages are queued as they are committed (or when their image
 * changes); recognition runs in the workspace's OCR pool while scanning goes on, and each result
 * is committed on its own. A result is only stored if the page still shows the image that was
 * recognised — a rotation in the meantime queues the page again.
 */
import * as gq from '../db/queries/pages';
import type { Store } from '../store/api';
import type { OcrEngine } from './ports';

export interface OcrQueueOptions {
  store: Store;
  engine: () => Promise<OcrEngine>;
  /** Recognitions in flight at once (the pool queues beyond its size; this bounds memory). */
  concurrency: number;
  clock: () => Date;
}

export class OcrQueue {
  private readonly queued: number[] = [];
  private readonly queuedSet = new Set<number>();
  private readonly inFlight = new Map<number, Promise<void>>();
  /** Queued again while being recognised (its image changed): run once more when this run ends. */
  private readonly again = new Set<number>();
  private readonly waiters = new Map<number, (() => void)[]>();
  private stopped = false;

  constructor(private readonly opts: OcrQueueOptions) {}

  enqueue(pageId: number): void {
    if (this.stopped || this.queuedSet.has(pageId)) return;
    if (this.inFlight.has(pageId)) {
      this.again.add(pageId);
      return;
    }
    this.queued.push(pageId);
    this.queuedSet.add(pageId);
    this.pump();
  }

  /** Queues every page still waiting for OCR (after a restart, pending pages are picked up here). */
  enqueuePending(volumeId?: number): void {
    for (const p of gq.pagesWithOcrState(this.opts.store, 'pending', volumeId)) this.enqueue(p.id);
  }

  /** Resolves once none of these pages is queued or being recognised. */
  async settled(pageIds: readonly number[]): Promise<void> {
    for (const id of pageIds) {
      if (!this.queuedSet.has(id) && !this.inFlight.has(id)) continue;
      await new Promise<void>((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]));
    }
  }

  /** Stops taking work and waits for recognitions in flight (workspace closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.again.clear();
    const dropped = this.queued.splice(0);
    this.queuedSet.clear();
    for (const id of dropped) this.wake(id);
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < this.opts.concurrency && this.queued.length > 0) {
      const id = this.queued.shift() as number;
      this.queuedSet.delete(id);
      const task = this.run(id)
        .catch(() => undefined) // a store that refuses the write (closing) must not crash the worker
        .finally(() => {
          this.inFlight.delete(id);
          if (this.again.delete(id)) this.enqueue(id);
          if (!this.queuedSet.has(id) && !this.inFlight.has(id)) this.wake(id);
          this.pump();
        });
      this.inFlight.set(id, task);
    }
  }

  private wake(id: number): void {
    for (const resolve of this.waiters.get(id) ?? []) resolve();
    this.waiters.delete(id);
  }

  private async run(pageId: number): Promise<void> {
    const { store } = this.opts;
    const page = gq.pageById(store, pageId);
    if (!page || page.deleted || page.ocr !== 'pending') return;
    const imageBlob = page.imageBlob;
    const stillSame = () => {
      const now = gq.pageById(store, pageId);
      return now !== undefined && now.imageBlob === imageBlob && now.ocr === 'pending';
    };
    if (page.kind !== 'page') {
      store.write((tx) => gq.setOcrResult(tx, pageId, { state: 'skipped', confidence: null, ocrBlob: null, textPdfBlob: null, printedNumber: null }, this.opts.clock().toISOString()));
      return;
    }
    try {
      const engine = await this.opts.engine();
      const result = await engine.recognize(store.blobs.get(imageBlob));
      if (this.stopped || !stillSame()) return;
      const ocrJson = Buffer.from(JSON.stringify({ text: result.text, words: result.words, confidence: result.confidence }));
      const ocrBlob = store.blobs.put(ocrJson);
      const textPdfBlob = result.textPdf ? store.blobs.put(result.textPdf) : null;
      store.write((tx) =>
        gq.setOcrResult(tx, pageId, { state: 'done', confidence: result.confidence, ocrBlob, textPdfBlob, printedNumber: result.pageNumber }, this.opts.clock().toISOString()),
      );
    } catch {
      // One unreadable page must not stop the queue; the page shows 识别失败 and can be rotated or re-run.
      if (this.stopped || !stillSame()) return;
      store.write((tx) => gq.setOcrResult(tx, pageId, { state: 'failed', confidence: null, ocrBlob: null, textPdfBlob: null, printedNumber: null }, this.opts.clock().toISOString()));
    }
  }
}
