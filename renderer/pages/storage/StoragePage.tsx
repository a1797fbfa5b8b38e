/**
 * 库房管理: six tabs — 库房与密集架, 排架, 查找, 容量, 标签, 盘点. Alt+1…6 switches tabs; 查找 is
 * where a scan lands first, so it is the default for read-only roles.
 */
import { useEffect, useState } from 'react';
import { can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { FormError } from '../../components/FormError';
import { useKeyDown } from '../../hooks/useKeyDown';
import { useStorage } from '../../state/storageStore';
import { CapacityTab } from './capacity/CapacityTab';
import { LabelsTab } from './labels/LabelsTab';
import { LocateTab } from './locate/LocateTab';
import { PlacementTab } from './placement/PlacementTab';
import { RoomsTab } from './rooms/RoomsTab';
import { StocktakeTab } from './stocktake/StocktakeTab';
import { tabFromKey, TABS, type StorageTab } from './tabs';
import './storage.css';

export function StoragePage({ session, active }: { session: SessionInfo; active: boolean }) {
  const canWrite = can(session.role, 'storage.write');
  const [tab, setTab] = useState<StorageTab>(canWrite ? 'rooms' : 'locate');
  const error = useStorage((s) => s.error);

  // Every visit: files arrive from intake and go out on loan elsewhere, so counts go stale.
  useEffect(() => {
    void useStorage.getState().load();
  }, []);

  useKeyDown((e) => {
    const t = tabFromKey(e);
    if (t) {
      e.preventDefault();
      setTab(t);
    }
  }, active);

  return (
    <section className="page st-page" data-testid="area-storage" data-active={active}>
      <div className="page-header">
        <h1>库房管理</h1>
        <div className="st-tabs" role="tablist" aria-label="库房管理">
          {TABS.map((t, i) => (
            <button
              key={t.key}
              type="button"
              role="tab"
              aria-selected={tab === t.key}
              className={tab === t.key ? 'st-tab st-tab-active' : 'st-tab'}
              onClick={() => setTab(t.key)}
              title={`${t.label} (Alt+${i + 1})`}
              data-testid={`storage-tab-${t.key}`}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <FormError message={error} />
      <div className="st-body" role="tabpanel">
        {tab === 'rooms' ? <RoomsTab canWrite={canWrite} active={active} /> : null}
        {tab === 'placement' ? <PlacementTab canWrite={canWrite} /> : null}
        {tab === 'locate' ? <LocateTab active={active} /> : null}
        {tab === 'capacity' ? <CapacityTab canWrite={canWrite} /> : null}
        {tab === 'labels' ? <LabelsTab canWrite={canWrite} /> : null}
        {tab === 'stocktake' ? <StocktakeTab canWrite={canWrite} active={active} /> : null}
      </div>
    </section>
  );
}
