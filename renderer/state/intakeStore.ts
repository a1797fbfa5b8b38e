/** 接收批次 list: filters, one page of batches, and which batch is open in the workspace. */
import { create } from 'zustand';
import type { IntakeBatch, IntakeBatchStatus } from '../../shared/intakeTypes';
import { call, errorMessage } from '../api/client';

export const BATCH_PAGE_SIZE = 50;

export type IntakeTab = 'batches' | 'ledger' | 'receipts' | 'settings';

export interface BatchFilters {
  status: IntakeBatchStatus | '';
  query: string;
  from: string;
  to: string;
}

interface IntakeListStore {
  filters: BatchFilters;
  rows: IntakeBatch[];
  total: number;
  offset: number;
  loading: boolean;
  error: string | null;
  /** The batch open in the workspace (null: the list is shown). */
  openId: number | null;
  /** The area's tab, kept while the clerk visits other areas. */
  tab: IntakeTab;
  setTab(tab: IntakeTab): void;
  setFilters(patch: Partial<BatchFilters>): void;
  setOffset(offset: number): void;
  load(): Promise<void>;
  open(id: number | null): void;
  reset(): void;
}

const EMPTY_FILTERS: BatchFilters = { status: '', query: '', from: '', to: '' };

/** Only well-formed dates go to the server; a half-typed one is ignored rather than refused. */
const dateOrUndefined = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

export function batchQuery(f: BatchFilters) {
  return {
    status: f.status === '' ? undefined : f.status,
    query: f.query.trim(),
    enterprise: '',
    from: dateOrUndefined(f.from),
    to: dateOrUndefined(f.to),
  };
}

export const useIntakeList = create<IntakeListStore>((set, get) => ({
  filters: EMPTY_FILTERS,
  rows: [],
  total: 0,
  offset: 0,
  loading: false,
  error: null,
  openId: null,
  tab: 'batches',
  setTab(tab) {
    set({ tab });
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch }, offset: 0 });
    void get().load();
  },
  setOffset(offset) {
    set({ offset });
    void get().load();
  },
  async load() {
    set({ loading: true, error: null });
    try {
      const page = await call('intake.batch.list', { ...batchQuery(get().filters), offset: get().offset, limit: BATCH_PAGE_SIZE });
      set({ rows: page.rows, total: page.total, loading: false });
    } catch (e) {
      set({ loading: false, error: errorMessage(e) });
    }
  },
  open(id) {
    set({ openId: id });
  },
  reset() {
    set({ filters: EMPTY_FILTERS, rows: [], total: 0, offset: 0, loading: false, error: null, openId: null, tab: 'batches' });
  },
}));
