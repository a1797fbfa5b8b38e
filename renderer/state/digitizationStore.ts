/**
 * The 数字化 area's landing state: the retiree being digitized, their volumes, and which volume
 * is open in the workbench. Kept across area switches so a clerk can look something up and return.
 */
import { create } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { Person, Volume } from '../../shared/types';
import { useApp } from './appStore';

export const PERSON_RESULTS = 20;

interface DigitizeStore {
  query: string;
  persons: Person[];
  personsTotal: number;
  searching: boolean;
  searchError: string | null;
  person: Person | null;
  volumes: Volume[];
  volumesLoading: boolean;
  volumesError: string | null;
  openVolumeId: number | null;
  setQuery(q: string): void;
  /** Runs the current query; resolves to the rows found (empty on error). */
  search(): Promise<Person[]>;
  pickPerson(p: Person | null): void;
  loadVolumes(): Promise<void>;
  volumeSaved(v: Volume): void;
  openVolume(id: number): void;
  closeVolume(): void;
  reset(): void;
}

let searchSeq = 0;
let volumesSeq = 0;

const EMPTY = {
  query: '',
  persons: [],
  personsTotal: 0,
  searching: false,
  searchError: null,
  person: null,
  volumes: [],
  volumesLoading: false,
  volumesError: null,
  openVolumeId: null,
};

export const useDigitize = create<DigitizeStore>((set, get) => ({
  ...EMPTY,
  setQuery(query) {
    set({ query });
  },
  async search() {
    const seq = ++searchSeq;
    set({ searching: true, searchError: null });
    try {
      const page = await call('person.search', { query: get().query, offset: 0, limit: PERSON_RESULTS });
      if (seq === searchSeq) set({ persons: page.rows, personsTotal: page.total, searching: false });
      return page.rows;
    } catch (e) {
      if (seq === searchSeq) set({ searching: false, searchError: errorMessage(e) });
      return [];
    }
  },
  pickPerson(person) {
    volumesSeq++;
    set({ person, volumes: [], volumesError: null, openVolumeId: null });
    if (person) void get().loadVolumes();
  },
  async loadVolumes() {
    const person = get().person;
    if (!person) return;
    const seq = ++volumesSeq;
    set({ volumesLoading: true, volumesError: null });
    try {
      const volumes = await call('volume.list', { personId: person.id });
      if (seq === volumesSeq) set({ volumes: [...volumes].sort((a, b) => a.volumeNo - b.volumeNo), volumesLoading: false });
    } catch (e) {
      if (seq === volumesSeq) set({ volumesLoading: false, volumesError: errorMessage(e) });
    }
  },
  volumeSaved(v) {
    set((s) => {
      const others = s.volumes.filter((x) => x.id !== v.id);
      return s.person?.id === v.personId ? { volumes: [...others, v].sort((a, b) => a.volumeNo - b.volumeNo) } : {};
    });
  },
  openVolume(id) {
    set({ openVolumeId: id });
  },
  closeVolume() {
    set({ openVolumeId: null });
    void get().loadVolumes(); // page counts changed while it was open
  },
  reset() {
    searchSeq++;
    volumesSeq++;
    set(EMPTY);
  },
}));

// Another user (or nobody) signed in: nothing of the previous user's work may show.
useApp.subscribe((s, prev) => {
  if (s.session?.userId !== prev.session?.userId) useDigitize.getState().reset();
});
