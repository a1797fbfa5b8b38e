/**
 * The open volume in the workbench: its strip of pages, the item list, the selection, and the
 * background jobs feeding it. Every change goes to the service one at a time (a held-down key must
 * not race itself) and the strip is re-read afterwards, so what the clerk sees is what is stored.
 */
import { create } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { Input } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { PageKind, SequenceProblem } from '../../shared/pageCounting';
import type { ItemEntry, Job, PageInfo, Volume } from '../../shared/types';
import { movedOrder, selectionAfterDelete } from '../pages/digitization/reorder';
import { useApp } from './appStore';
import { clearImageCache } from './digitizationThumbs';

export interface UploadState {
  name: string;
  state: 'waiting' | 'sending' | 'processing' | 'done' | 'failed';
  message: string;
}

interface WorkbenchStore {
  volume: Volume | null;
  pages: PageInfo[];
  pageCount: number;
  problems: SequenceProblem[];
  items: ItemEntry[];
  selectedId: number | null;
  loading: boolean;
  loadError: string | null;
  /** The last strip action that failed (delete, rotate…), shown above the strip. */
  actionError: string | null;
  jobs: Job[];
  /** When each tracked job was first seen finished (Date.now()), to clear clean ones away later. */
  finishedAt: Record<string, number>;
  uploads: UploadState[];
  open(volume: Volume): Promise<void>;
  close(): void;
  volumeChanged(v: Volume): void;
  refreshPages(): Promise<void>;
  refreshItems(): Promise<void>;
  select(id: number | null): void;
  setActionError(msg: string | null): void;
  rotate(pageId: number, degrees: 90 | 180 | 270): Promise<void>;
  setKind(pageId: number, kind: PageKind): Promise<void>;
  setPrintedNumber(pageId: number, n: number | null): Promise<boolean>;
  move(pageId: number, toPosition: number): Promise<void>;
  remove(pageId: number): Promise<void>;
  undo(): Promise<string | null>;
  /** These throw, so the dialog that asked shows the error and keeps what was typed. */
  importPaths(files: string[], insertAt?: number): Promise<void>;
  startWatch(dir: string): Promise<void>;
  scan(device?: string): Promise<void>;
  exportTo(dir: string, pdf: boolean, folder: boolean): Promise<string>;
  saveItem(input: Input<'item.save'>): Promise<ItemEntry>;
  deleteItem(id: number): Promise<void>;
  uploadFiles(files: File[], insertAt?: number): Promise<void>;
  stopJob(jobId: string): Promise<void>;
  trackJob(jobId: string): Promise<void>;
  pollJobs(): Promise<void>;
  dismissJob(jobId: string): void;
  /** Drops jobs that finished cleanly more than `ms` ago (errors stay until dismissed). */
  clearFinished(ms: number): void;
  reset(): void;
}

const EMPTY = {
  volume: null,
  pages: [],
  pageCount: 0,
  problems: [],
  items: [],
  selectedId: null,
  loading: false,
  loadError: null,
  actionError: null,
  jobs: [],
  finishedAt: {},
  uploads: [],
};

/** Replies to a read started before the latest change are dropped (they would show old data). */
let pagesGen = 0;
let itemsGen = 0;
/** Changes run one after another in the order the clerk made them. */
let queue: Promise<unknown> = Promise.resolve();
let uploadRun = 0;

function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

const JOB_POLL_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads a dropped or picked file as base64 (what page.upload carries). */
function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`无法读取文件 ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export const useWorkbench = create<WorkbenchStore>((set, get) => {
  const volumeId = () => get().volume?.id ?? null;

  const replacePage = (p: PageInfo) => set((s) => ({ pages: s.pages.map((x) => (x.id === p.id ? p : x)) }));

  /** Runs a strip change: one at a time, its error above the strip, then re-reads the strip. */
  const change = (fn: () => Promise<void>, reread: { items?: boolean } = {}) =>
    serial(async () => {
      const vid = volumeId();
      if (vid === null) return;
      set({ actionError: null });
      try {
        await fn();
      } catch (e) {
        set({ actionError: errorMessage(e) });
      }
      if (volumeId() !== vid) return;
      await Promise.all([get().refreshPages(), reread.items ? get().refreshItems() : Promise.resolve()]);
    });

  const upsertJob = (job: Job) =>
    set((s) => ({
      jobs: s.jobs.some((j) => j.id === job.id) ? s.jobs.map((j) => (j.id === job.id ? job : j)) : [...s.jobs, job],
      finishedAt: job.state !== 'running' && s.finishedAt[job.id] === undefined ? { ...s.finishedAt, [job.id]: Date.now() } : s.finishedAt,
    }));

  const waitForJob = async (jobId: string): Promise<Job | null> => {
    for (;;) {
      await sleep(JOB_POLL_MS);
      const job = get().jobs.find((j) => j.id === jobId);
      if (!job) return null;
      if (job.state !== 'running') return job;
      if (useApp.getState().session?.locked) continue;
      try {
        upsertJob(await call('job.get', { jobId }));
      } catch {
        // The regular poll reports lasting errors; a missed answer is retried.
      }
    }
  };

  return {
    ...EMPTY,

    async open(volume) {
      pagesGen++;
      itemsGen++;
      set({ volume, pages: [], pageCount: 0, problems: [], items: [], selectedId: null, loading: true, loadError: null, actionError: null });
      await Promise.all([get().refreshPages(), get().refreshItems()]);
      set((s) => ({ loading: false, selectedId: s.selectedId ?? s.pages[0]?.id ?? null }));
    },

    close() {
      pagesGen++;
      itemsGen++;
      uploadRun++;
      set({ volume: null, pages: [], pageCount: 0, problems: [], items: [], selectedId: null, loadError: null, actionError: null, uploads: [] });
    },

    volumeChanged(v) {
      if (v.id === volumeId()) set({ volume: v });
    },

    async refreshPages() {
      const vid = volumeId();
      if (vid === null) return;
      const gen = ++pagesGen;
      try {
        const r = await call('page.list', { volumeId: vid });
        if (gen !== pagesGen || vid !== volumeId()) return;
        set((s) => {
          const sorted = [...r.pages].sort((a, b) => a.position - b.position);
          let selectedId = s.selectedId;
          if (selectedId !== null && !sorted.some((p) => p.id === selectedId)) {
            // The selected page went away (deleted elsewhere, undo): keep the same place in the strip.
            const was = s.pages.find((p) => p.id === selectedId)?.position ?? 1;
            selectedId = (sorted[Math.min(was, sorted.length) - 1] ?? sorted[sorted.length - 1])?.id ?? null;
          }
          if (selectedId === null && !s.loading) selectedId = sorted[0]?.id ?? null;
          return { pages: sorted, pageCount: r.pageCount, problems: r.sequenceProblems, selectedId, loadError: null };
        });
      } catch (e) {
        if (gen === pagesGen) set({ loadError: errorMessage(e) });
      }
    },

    async refreshItems() {
      const vid = volumeId();
      if (vid === null) return;
      const gen = ++itemsGen;
      try {
        const items = await call('item.list', { volumeId: vid });
        if (gen === itemsGen && vid === volumeId()) set({ items });
      } catch (e) {
        if (gen === itemsGen) set({ loadError: errorMessage(e) });
      }
    },

    select(id) {
      set({ selectedId: id });
    },

    setActionError(msg) {
      set({ actionError: msg });
    },

    rotate(pageId, degrees) {
      return change(async () => replacePage(await call('page.rotate', { pageId, degrees })));
    },

    setKind(pageId, kind) {
      // Blank or cover changes what is counted, so items' page counts change too.
      return change(async () => replacePage(await call('page.setKind', { pageId, kind })), { items: true });
    },

    async setPrintedNumber(pageId, printedNumber) {
      let ok = false;
      await change(async () => {
        replacePage(await call('page.setPrintedNumber', { pageId, printedNumber }));
        ok = true;
      });
      return ok;
    },

    move(pageId, toPosition) {
      // Show the new order at once; the re-read after the call confirms (or undoes) it.
      pagesGen++;
      set((s) => {
        const from = s.pages.find((p) => p.id === pageId)?.position;
        if (from === undefined) return {};
        return { pages: movedOrder(s.pages, from, toPosition).map((p, i) => ({ ...p, position: i + 1 })) };
      });
      return change(() => call('page.move', { pageId, toPosition }).then(() => undefined), { items: true });
    },

    remove(pageId) {
      pagesGen++;
      set((s) => ({
        selectedId: s.selectedId === pageId ? selectionAfterDelete(s.pages, pageId) : s.selectedId,
        pages: s.pages.filter((p) => p.id !== pageId).map((p, i) => ({ ...p, position: i + 1 })),
      }));
      return change(() => call('page.delete', { pageId }).then(() => undefined), { items: true });
    },

    async undo() {
      let undone: string | null = null;
      await change(async () => {
        const vid = volumeId();
        if (vid !== null) undone = (await call('page.undo', { volumeId: vid })).undone;
      }, { items: true });
      return undone;
    },

    async importPaths(files, insertAt) {
      const vid = volumeId();
      if (vid === null) return;
      const { jobId } = await call('page.import', { volumeId: vid, files, ...(insertAt !== undefined ? { insertAt } : {}) });
      await get().trackJob(jobId);
    },

    async startWatch(dir) {
      const vid = volumeId();
      if (vid === null) return;
      const { jobId } = await call('page.watch', { volumeId: vid, dir });
      await get().trackJob(jobId);
    },

    async scan(device) {
      const vid = volumeId();
      if (vid === null) return;
      const { jobId } = await call('page.scan', { volumeId: vid, duplex: true, resolution: 300, colour: true, ...(device ? { device } : {}) });
      await get().trackJob(jobId);
    },

    async exportTo(dir, pdf, folder) {
      const vid = volumeId();
      if (vid === null) throw new Error('没有打开的卷');
      const { jobId } = await call('volume.export', { id: vid, dir, pdf, folder });
      await get().trackJob(jobId);
      return jobId;
    },

    async saveItem(input) {
      const saved = await serial(() => call('item.save', input));
      await get().refreshItems();
      return saved;
    },

    async deleteItem(id) {
      await serial(() => call('item.delete', { id }));
      await get().refreshItems();
    },

    /**
     * Files picked or dropped in the page: sent one by one, each waiting until the service has
     * placed its pages, so the strip keeps the files' order (and an insert point moves along).
     */
    async uploadFiles(files, insertAt) {
      const vid = volumeId();
      if (vid === null || files.length === 0) return;
      const run = ++uploadRun;
      set({ uploads: files.map((f) => ({ name: f.name, state: 'waiting', message: '' })) });
      const mark = (i: number, state: UploadState['state'], message = '') =>
        set((s) => ({ uploads: s.uploads.map((u, k) => (k === i ? { ...u, state, message } : u)) }));
      let at = insertAt;
      for (const [i, file] of files.entries()) {
        if (run !== uploadRun || volumeId() !== vid) return;
        mark(i, 'sending');
        try {
          const base64 = await fileAsBase64(file);
          const before = get().pages.length;
          const { jobId } = await call('page.upload', { volumeId: vid, name: file.name, base64, ...(at !== undefined ? { insertAt: at } : {}) });
          mark(i, 'processing');
          await get().trackJob(jobId);
          const job = await waitForJob(jobId);
          await get().refreshPages();
          if (at !== undefined) at += Math.max(0, get().pages.length - before);
          const failed = job?.errors[0]?.message ?? (job?.state === 'failed' ? job.message : '');
          mark(i, failed ? 'failed' : 'done', failed);
        } catch (e) {
          mark(i, 'failed', errorMessage(e));
        }
      }
    },

    async stopJob(jobId) {
      upsertJob(await call('job.cancel', { jobId }));
    },

    async trackJob(jobId) {
      try {
        upsertJob(await call('job.get', { jobId }));
      } catch {
        const vid = volumeId() ?? 0;
        // Not readable yet: show it as running; the poll fills it in.
        upsertJob({ id: jobId, kind: 'import', volumeId: vid, state: 'running', done: 0, total: null, failed: 0, etaSeconds: null, errors: [], message: '', outputs: [] });
      }
    },

    async pollJobs() {
      const running = get().jobs.filter((j) => j.state === 'running');
      if (running.length === 0) return;
      let progressed = false;
      await Promise.all(
        running.map(async (old) => {
          try {
            const job = await call('job.get', { jobId: old.id });
            if (job.done !== old.done || job.failed !== old.failed || job.state !== old.state) progressed ||= job.volumeId === volumeId();
            upsertJob(job);
          } catch (e) {
            // A job the service no longer knows (it restarted) will never finish: say so once.
            if (e instanceof AppError && e.code === 'NOT_FOUND') upsertJob({ ...old, state: 'failed', message: errorMessage(e) });
          }
        }),
      );
      if (progressed) await Promise.all([get().refreshPages(), get().refreshItems()]);
    },

    dismissJob(jobId) {
      set((s) => ({ jobs: s.jobs.filter((j) => j.id !== jobId) }));
    },

    clearFinished(ms) {
      const { jobs, finishedAt } = get();
      const cutoff = Date.now() - ms;
      const stale = jobs.filter((j) => j.state === 'done' && j.errors.length === 0 && j.kind !== 'export' && (finishedAt[j.id] ?? Infinity) < cutoff);
      if (stale.length > 0) set({ jobs: jobs.filter((j) => !stale.includes(j)) });
    },

    reset() {
      pagesGen++;
      itemsGen++;
      uploadRun++;
      clearImageCache();
      set(EMPTY);
    },
  };
});

// Another user (or nobody) signed in: forget the volume, its images and its jobs.
useApp.subscribe((s, prev) => {
  if (s.session?.userId !== prev.session?.userId) useWorkbench.getState().reset();
});
