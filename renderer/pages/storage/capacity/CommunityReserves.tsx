/**
 * 各社区单独预留: communities that grow faster (or have stopped) get their own growth reserve instead
 * of the default; each change is saved at once.
 */
import { useEffect, useState } from 'react';
import type { ReserveRule, StorageSettings } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { BusyButton } from '../../../components/BusyButton';
import { CommunitySelect } from '../../../components/CommunitySelect';
import { FormError } from '../../../components/FormError';
import { useAction } from '../../../hooks/useAction';
import { useCommunities } from '../../../state/communitiesStore';
import { parseDecimal, parseWhole } from '../unitPreview';

export function reserveText(r: ReserveRule): string {
  return r.mode === 'percent' ? `${r.value}%` : `${r.value} 个月的接收量`;
}

export function CommunityReserves({ settings, onSaved }: { settings: StorageSettings; onSaved: (s: StorageSettings) => void }) {
  const communities = useCommunities();
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [mode, setMode] = useState<ReserveRule['mode']>('months');
  const action = useAction();

  useEffect(() => {
    const c = useCommunities.getState();
    if (!c.loaded || c.error) void c.load();
  }, []);

  const save = (id: number, rule: ReserveRule | null) => void action.run(async () => onSaved(await call('storage.settingsSave', { reserves: { [String(id)]: rule } })));
  const add = () => {
    if (communityId === null) return action.setError('请选择社区。');
    const v = mode === 'months' ? parseWhole(value) : parseDecimal(value);
    if (v === null) return action.setError(mode === 'months' ? '预留月数应为整数，如 12。' : '预留比例应为数字，如 30（表示 30%）。');
    save(communityId, { mode, value: v });
    setValue('');
  };

  const entries = Object.entries(settings.reserves);
  const nameOf = (id: string) => communities.communities.find((c) => String(c.id) === id)?.name ?? `社区 #${id}`;
  return (
    <div className="st-reserves" data-testid="community-reserves">
      <h3>各社区单独预留</h3>
      {entries.length === 0 ? (
        <p className="muted">所有社区均按默认预留（{reserveText(settings.defaultReserve)}）。</p>
      ) : (
        <table className="table">
          <tbody>
            {entries.map(([id, rule]) => (
              <tr key={id}>
                <td>{nameOf(id)}</td>
                <td>{reserveText(rule)}</td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small" onClick={() => save(Number(id), null)} disabled={action.busy}>
                    改回默认
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="inline-form">
        <CommunitySelect value={communityId} onChange={setCommunityId} communities={communities.communities} towns={communities.towns} emptyLabel="选择社区…" testId="reserve-community" />
        <input className="code-input" value={value} onChange={(e) => setValue(e.target.value)} aria-label="预留数值" inputMode="decimal" data-testid="reserve-value" />
        <select value={mode} onChange={(e) => setMode(e.target.value as ReserveRule['mode'])} aria-label="预留方式">
          <option value="months">个月的接收量</option>
          <option value="percent">%（按比例）</option>
        </select>
        <BusyButton type="button" busy={action.busy} onClick={add} data-testid="reserve-add">
          设置
        </BusyButton>
      </div>
      <FormError message={action.error} />
    </div>
  );
}
