/** Towns and communities, shared by the 社区管理 page, the person form and the search filter. */
import { create } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { Community, Town } from '../../shared/types';

interface CommunitiesStore {
  towns: Town[];
  communities: Community[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  /** Forget everything (another user signs in). */
  reset(): void;
}

const EMPTY = { towns: [], communities: [], loaded: false, loading: false, error: null };

export const useCommunities = create<CommunitiesStore>((set) => ({
  ...EMPTY,
  reset() {
    set(EMPTY);
  },
  async load() {
    set({ loading: true, error: null });
    try {
      const [towns, communities] = await Promise.all([call('town.list', {}), call('community.list', {})]);
      set({ towns, communities, loaded: true, loading: false });
    } catch (e) {
      set({ loading: false, error: errorMessage(e) });
    }
  },
}));
