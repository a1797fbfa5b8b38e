/**
 * The open batch's workspace: its detail (counts, blockers, running jobs), roster persons with desk
 * counts, and findings. Each step reloads what its action changed; `version` tells the documents
 * panel to re-read after a decision.
 */
import { create } from 'zustand';
import type { IntakeBatchDetail, IntakeFinding, IntakePerson } from '../../shared/intakeTypes';
import { call, errorMessage } from '../api/client';

/** The server caps a page at 500 rows; a batch is one enterprise's delivery, rarely more. */
const PERSON_PAGE = 500;

interface BatchStore {
  batchId: number | null;
  detail: IntakeBatchDetail | null;
  persons: IntakePerson[];
  personsTotal: number;
  findings: IntakeFinding[];
  error: string | null;
  version: number;
  openBatch(id: number): Promise<void>;
  close(): void;
  refreshDetail(): Promise<void>;
  refreshPersons(): Promise<void>;
  refreshFindings(): Promise<void>;
  refreshAll(): Promise<void>;
  /** One person changed (desk count): replace it in place, no reload of the whole roster. */
  personChanged(p: IntakePerson): void;
  findingChanged(f: IntakeFinding): void;
  bump(): void;
}

async function loadPersons(batchId: number): Promise<{ rows: IntakePerson[]; total: number }> {
  const rows: IntakePerson[] = [];
  for (let offset = 0; ; offset += PERSON_PAGE) {
    const page = await call('intake.person.list', { batchId, query: '', uncounted: false, withOpenFindings: false, offset, limit: PERSON_PAGE });
    rows.push(...page.rows);
    if (page.rows.length < PERSON_PAGE || rows.length >= page.total) return { rows, total: page.total };
  }
}

export const useIntakeBatch = create<BatchStore>((set, get) => {
  const guarded = async (fn: (id: number) => Promise<void>) => {
    const id = get().batchId;
    if (id === null) return;
    try {
      await fn(id);
    } catch (e) {
      if (get().batchId === id) set({ error: errorMessage(e) });
    }
  };
  return {
    batchId: null,
    detail: null,
    persons: [],
    personsTotal: 0,
    findings: [],
    error: null,
    version: 0,
    async openBatch(id) {
      set({ batchId: id, detail: null, persons: [], personsTotal: 0, findings: [], error: null });
      await get().refreshAll();
    },
    close() {
      set({ batchId: null, detail: null, persons: [], findings: [], error: null });
    },
    refreshDetail: () =>
      guarded(async (id) => {
        const detail = await call('intake.batch.get', { id });
        if (get().batchId === id) set({ detail, error: null });
      }),
    refreshPersons: () =>
      guarded(async (id) => {
        const { rows, total } = await loadPersons(id);
        if (get().batchId === id) set({ persons: rows, personsTotal: total });
      }),
    refreshFindings: () =>
      guarded(async (id) => {
        const findings = await call('intake.finding.list', { batchId: id, state: 'all' });
        if (get().batchId === id) set({ findings });
      }),
    async refreshAll() {
      await Promise.all([get().refreshDetail(), get().refreshPersons(), get().refreshFindings()]);
    },
    personChanged(p) {
      set({ persons: get().persons.map((x) => (x.rosterRowId === p.rosterRowId ? p : x)) });
    },
    findingChanged(f) {
      set({ findings: get().findings.map((x) => (x.id === f.id ? f : x)) });
    },
    bump() {
      set({ version: get().version + 1 });
    },
  };
});
