/**
 * The area's first screen: find the retiree (a barcode scanner types the ID number and Enter),
 * see their volumes, create one, open one.
 */
import { useEffect, useRef } from 'react';
import { FormError } from '../../components/FormError';
import { useDigitize } from '../../state/digitizationStore';
import { PersonResults } from './PersonResults';
import { VolumePane } from './VolumePane';

const SEARCH_DELAY_MS = 300;

export function VolumesLanding({ canWrite, active }: { canWrite: boolean; active: boolean }) {
  const d = useDigitize();
  const searchBox = useRef<HTMLInputElement>(null);
  const debounce = useRef<number | undefined>(undefined);

  useEffect(() => {
    const s = useDigitize.getState();
    if (s.persons.length === 0 && !s.searchError) void s.search();
    if (s.person) void s.loadVolumes();
    if (active) searchBox.current?.focus();
    return () => window.clearTimeout(debounce.current);
  }, []);

  const onQuery = (q: string) => {
    d.setQuery(q);
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => void useDigitize.getState().search(), SEARCH_DELAY_MS);
  };

  /** Enter (or a scanner's Enter): search now; one match is picked at once. */
  const searchNow = async () => {
    window.clearTimeout(debounce.current);
    const rows = await useDigitize.getState().search();
    if (rows.length === 1 && rows[0]) {
      useDigitize.getState().pickPerson(rows[0]);
      window.setTimeout(() => document.querySelector<HTMLElement>('[data-testid="volume-table"] tbody tr[tabindex], [data-testid="volume-create"]')?.focus(), 0);
    }
  };

  return (
    <section className="page">
      <div className="page-header">
        <h1>数字化</h1>
        <div className="toolbar">
          <input
            ref={searchBox}
            type="search"
            className="search-input"
            placeholder="姓名或身份证号（可扫码）"
            value={d.query}
            onChange={(e) => onQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void searchNow();
              }
            }}
            data-testid="dz-person-search"
            aria-label="查找退休人员"
          />
        </div>
      </div>
      <FormError message={d.searchError} />
      <div className="two-panes">
        <div className="pane">
          <div className="pane-title">退休人员</div>
          <PersonResults
            rows={d.persons}
            total={d.personsTotal}
            loading={d.searching}
            selectedId={d.person?.id ?? null}
            onPick={(p) => d.pickPerson(p)}
          />
        </div>
        <div className="pane pane-wide">
          {d.person ? (
            <VolumePane person={d.person} canWrite={canWrite} />
          ) : (
            <div className="muted dz-empty">请在左侧选择一位退休人员，或在上方输入姓名、身份证号（扫码枪扫描后自动选中）。</div>
          )}
        </div>
      </div>
    </section>
  );
}
