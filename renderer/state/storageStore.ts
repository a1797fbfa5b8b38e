/**
 * 库房管理: rooms, shelving units and storage settings, loaded once and refreshed after each change
 * (every tab needs them: the unit picker in 盘点, the diagram in 查找, thickness in 新建密集架).
 */
import { create } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { Room, ShelvingUnit, StorageSettings } from '../../shared/storageTypes';
import { useApp } from './appStore';

interface StorageStore {
  rooms: Room[];
  units: ShelvingUnit[];
  settings: StorageSettings | null;
  loaded: boolean;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  settingsSaved(s: StorageSettings): void;
  reset(): void;
}

let requestSeq = 0;
const EMPTY = { rooms: [], units: [], settings: null, loaded: false, loading: false, error: null };

export const useStorage = create<StorageStore>((set) => ({
  ...EMPTY,
  async load() {
    const seq = ++requestSeq;
    set({ loading: true, error: null });
    try {
      const [rooms, units, settings] = await Promise.all([call('storage.roomList', {}), call('storage.unitList', {}), call('storage.settingsGet', {})]);
      if (seq === requestSeq) set({ rooms, units, settings, loaded: true, loading: false });
    } catch (e) {
      if (seq === requestSeq) set({ loading: false, error: errorMessage(e) });
    }
  },
  settingsSaved(settings) {
    set({ settings });
  },
  reset() {
    requestSeq++;
    set(EMPTY);
  },
}));

/** Per-volume thickness used to turn widths into volumes when settings are not loaded yet. */
export const FALLBACK_THICKNESS_MM = 30;

// Another user (or nobody) signed in: forget the previous user's view of the rooms.
useApp.subscribe((s, prev) => {
  if (s.session?.userId !== prev.session?.userId) useStorage.getState().reset();
});
