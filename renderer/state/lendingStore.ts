/**
 * 查借阅 shared state: the lending settings (limit days etc., read by several forms) and a change
 * counter that every list watches, so a request filed, approved, checked out or returned anywhere
 * refreshes the home page and the lending tabs alike.
 */
import { create } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { LendingSettings } from '../../shared/lendingTypes';

interface LendingStore {
  settings: LendingSettings | null;
  settingsError: string | null;
  /** Bumped after any lending change; lists reload when it moves. */
  version: number;
  loadSettings(): Promise<void>;
  settingsSaved(s: LendingSettings): void;
  changed(): void;
  reset(): void;
}

export const useLending = create<LendingStore>((set) => ({
  settings: null,
  settingsError: null,
  version: 0,
  async loadSettings() {
    try {
      set({ settings: await call('lending.settings.get', {}), settingsError: null });
    } catch (e) {
      set({ settingsError: errorMessage(e) });
    }
  },
  settingsSaved(settings) {
    set({ settings });
  },
  changed() {
    set((s) => ({ version: s.version + 1 }));
  },
  reset() {
    set({ settings: null, settingsError: null, version: 0 });
  },
}));
