/** The 退休人员 list: the query, the page on screen, and a guard against out-of-order replies. */
import { create } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { Person } from '../../shared/types';

export const PAGE_SIZE = 50;

interface PersonsStore {
  query: string;
  communityId: number | null;
  offset: number;
  rows: Person[];
  total: number;
  loading: boolean;
  error: string | null;
  setQuery(q: string): void;
  setCommunity(id: number | null): void;
  setOffset(offset: number): void;
  search(): Promise<void>;
  /** Forget the list and query (another user signs in). */
  reset(): void;
}

let requestSeq = 0;

const EMPTY = { query: '', communityId: null, offset: 0, rows: [], total: 0, loading: false, error: null };

export const usePersons = create<PersonsStore>((set, get) => ({
  ...EMPTY,
  reset() {
    requestSeq++; // drop any reply still on its way
    set(EMPTY);
  },
  setQuery(query) {
    set({ query, offset: 0 });
  },
  setCommunity(communityId) {
    set({ communityId, offset: 0 });
    void get().search();
  },
  setOffset(offset) {
    set({ offset });
    void get().search();
  },
  async search() {
    const { query, communityId, offset } = get();
    const seq = ++requestSeq;
    set({ loading: true, error: null });
    try {
      const page = await call('person.search', {
        query,
        ...(communityId !== null ? { communityId } : {}),
        offset,
        limit: PAGE_SIZE,
      });
      // A slower reply to an older query must not overwrite the newer one.
      if (seq === requestSeq) set({ rows: page.rows, total: page.total, loading: false });
    } catch (e) {
      if (seq === requestSeq) set({ loading: false, error: errorMessage(e) });
    }
  },
}));
