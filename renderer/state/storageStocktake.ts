/**
 * The 盘点 in progress: the stocktake, its shelves in walking order, the shelf the clerk stands at,
 * and the scan log. Scans are queued and sent one at a time in order, so a fast scanner never loses
 * or reorders a code while the previous one is still on its way. Kept in a store so switching tabs
 * does not lose the log.
 */
import { create } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { ScanResult, Shelf, Stocktake } from '../../shared/storageTypes';
import { appendScan, inScope, walkOrder, type LoggedScan } from './storageScanLog';
import { useApp } from './appStore';

interface StocktakeStore {
  stocktake: Stocktake | null;
  shelves: Shelf[];
  shelfId: number | null;
  log: LoggedScan[];
  /** Codes waiting to be sent (shown as 正在处理 N 个). */
  pending: number;
  /** The latest result, for the big flash; `seq` changes on every scan so the flash re-runs. */
  last: LoggedScan | null;
  scanned: number;
  expected: number;
  error: string | null;
  open(st: Stocktake): Promise<void>;
  setShelf(id: number): void;
  scan(code: string): void;
  close(): void;
}

let queue: { code: string; shelfId: number; place: string }[] = [];
let draining = false;
let seq = 0;
const EMPTY = { stocktake: null, shelves: [], shelfId: null, log: [], pending: 0, last: null, scanned: 0, expected: 0, error: null };

export const useStocktake = create<StocktakeStore>((set, get) => {
  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      while (queue.length > 0) {
        const next = queue[0];
        const st = get().stocktake;
        if (!next || !st) break;
        let result: ScanResult;
        try {
          result = await call('storage.stocktakeScan', { stocktakeId: st.id, shelfId: next.shelfId, code: next.code });
        } catch (e) {
          // A transport or session failure is shown like a rejected code so the clerk rescans it.
          result = { outcome: 'rejected', code: next.code, message: `未记录：${errorMessage(e)} 请重新扫描此档案。`, archiveNo: null, name: null, belongsAt: null, scanned: get().scanned, expected: get().expected };
        }
        queue.shift();
        if (get().stocktake?.id !== st.id) break; // closed meanwhile: drop the rest
        const entry: LoggedScan = { seq: ++seq, at: new Date().toISOString(), shelfPlace: next.place, result };
        set((s) => ({ log: appendScan(s.log, entry), last: entry, pending: queue.length, scanned: result.scanned, expected: result.expected }));
      }
    } finally {
      draining = false;
    }
  };
  return {
    ...EMPTY,
    async open(stocktake) {
      queue = [];
      set({ ...EMPTY, stocktake, scanned: stocktake.scanned, expected: stocktake.expected });
      try {
        const all = await call('storage.shelfList', { unitId: stocktake.scope.unitId });
        const shelves = walkOrder(all.filter((s) => inScope(s, stocktake.scope.fromRow, stocktake.scope.toRow)));
        if (get().stocktake?.id === stocktake.id) set({ shelves, shelfId: shelves[0]?.id ?? null });
      } catch (e) {
        set({ error: errorMessage(e) });
      }
    },
    setShelf(shelfId) {
      set({ shelfId });
    },
    scan(code) {
      const { shelfId, shelves } = get();
      const shelf = shelves.find((s) => s.id === shelfId);
      if (!shelf) {
        set({ error: '请先选择您正在盘点的架位（层）。' });
        return;
      }
      set({ error: null });
      queue.push({ code, shelfId: shelf.id, place: shelf.place });
      set({ pending: queue.length });
      void drain();
    },
    close() {
      queue = [];
      set(EMPTY);
    },
  };
});

useApp.subscribe((s, prev) => {
  if (s.session?.userId !== prev.session?.userId) useStocktake.getState().close();
});
