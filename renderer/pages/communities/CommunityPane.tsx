/** The communities (社区) of the selected town — or all — with person counts, inline edit and an add form. */
import { useState } from 'react';
import { call } from '../../api/client';
import type { Community, Town } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { useCommunities } from '../../state/communitiesStore';
import { toast } from '../../state/toastStore';

interface CommunityPaneProps {
  towns: Town[];
  communities: Community[];
  townId: number | null;
  canWrite: boolean;
}

interface EditState {
  id: number;
  townId: number;
  code: string;
  name: string;
}

function TownSelect({ value, onChange, towns, testId, label }: { value: number | null; onChange: (id: number | null) => void; towns: Town[]; testId?: string; label: string }) {
  return (
    <select value={value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} data-testid={testId} aria-label={label}>
      <option value="">选择乡镇（街道）…</option>
      {towns.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </select>
  );
}

export function CommunityPane({ towns, communities, townId, canWrite }: CommunityPaneProps) {
  const [addChoice, setAddChoice] = useState<{ leftTown: number | null; id: number | null } | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<EditState | null>(null);
  const add = useAction();
  const edit = useAction();
  const reload = useCommunities((s) => s.load);
  const sortedTowns = [...towns].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const rows = communities
    .filter((c) => townId === null || c.townId === townId)
    .sort((a, b) => a.townCode.localeCompare(b.townCode, 'en', { numeric: true }) || a.code.localeCompare(b.code, 'en', { numeric: true }));
  const town = towns.find((t) => t.id === townId);
  // The add form follows the town picked on the left, unless another was chosen here since.
  const targetTown = addChoice && addChoice.leftTown === townId ? addChoice.id : townId;

  const submitAdd = () => {
    if (targetTown === null) return add.setError('请选择社区所属的乡镇（街道）。');
    if (!code.trim() || !name.trim()) return add.setError('请填写社区的代码和名称。');
    void add.run(async () => {
      const c = await call('community.add', { townId: targetTown, code: code.trim(), name: name.trim() });
      setCode('');
      setName('');
      toast(`已添加：${c.townName} ${c.name}`);
      await reload();
      document.getElementById('community-code')?.focus();
    });
  };

  const submitEdit = () => {
    if (!editing) return;
    void edit.run(async () => {
      await call('community.update', { id: editing.id, townId: editing.townId, code: editing.code.trim(), name: editing.name.trim() });
      setEditing(null);
      toast('已保存');
      await reload();
    });
  };

  return (
    <div className="pane pane-wide">
      <div className="pane-title">社区{town ? `（${town.name}）` : '（全部）'}</div>
      <div className="table-wrap">
        <table className="table" data-testid="community-list">
          <thead>
            <tr>
              <th style={{ width: '9em' }}>乡镇（街道）</th>
              <th style={{ width: '6em' }}>代码</th>
              <th>名称</th>
              <th style={{ width: '5em' }}>人数</th>
              {canWrite ? <th style={{ width: '8em' }} /> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) =>
              editing?.id === c.id ? (
                <tr key={c.id} className="row-editing">
                  <td>
                    <TownSelect value={editing.townId} onChange={(v) => v !== null && setEditing({ ...editing, townId: v })} towns={sortedTowns} label="所属乡镇（街道）" />
                  </td>
                  <td>
                    <input className="mono" value={editing.code} onChange={(e) => setEditing({ ...editing, code: e.target.value })} aria-label="代码" />
                  </td>
                  <td>
                    <input
                      value={editing.name}
                      onChange={(e) => setEditing({ ...editing, name: e.target.value })}
                      aria-label="名称"
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') submitEdit();
                        if (e.key === 'Escape') setEditing(null);
                      }}
                    />
                  </td>
                  <td>{c.personCount}</td>
                  <td className="row-actions">
                    <BusyButton type="button" className="btn-small" primary busy={edit.busy} onClick={submitEdit}>
                      保存
                    </BusyButton>
                    <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
                      取消
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={c.id}>
                  <td>{c.townName}</td>
                  <td className="mono">{c.code}</td>
                  <td>{c.name}</td>
                  <td>{c.personCount}</td>
                  {canWrite ? (
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => {
                          edit.setError(null);
                          setEditing({ id: c.id, townId: c.townId, code: c.code, name: c.name });
                        }}
                      >
                        修改
                      </button>
                    </td>
                  ) : null}
                </tr>
              ),
            )}
            {rows.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={canWrite ? 5 : 4}>{towns.length === 0 ? '请先在左侧添加乡镇（街道）。' : '还没有社区。'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <FormError message={edit.error} />
      {canWrite ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            submitAdd();
          }}
          noValidate
        >
          <TownSelect value={targetTown} onChange={(id) => setAddChoice({ leftTown: townId, id })} towns={sortedTowns} testId="community-town" label="社区所属乡镇（街道）" />
          <input id="community-code" className="mono code-input" placeholder="代码" value={code} onChange={(e) => setCode(e.target.value)} data-testid="community-code" aria-label="社区代码" />
          <input placeholder="社区名称" value={name} onChange={(e) => setName(e.target.value)} data-testid="community-name" aria-label="社区名称" />
          <BusyButton type="submit" primary busy={add.busy} busyText="添加中…" data-testid="community-add">
            添加
          </BusyButton>
        </form>
      ) : null}
      <FormError message={add.error} />
    </div>
  );
}
