/** The list of 乡镇（街道） with inline edit and an add form. */
import { useState } from 'react';
import { call } from '../../api/client';
import type { Community, Town } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { useCommunities } from '../../state/communitiesStore';
import { toast } from '../../state/toastStore';

interface TownPaneProps {
  towns: Town[];
  communities: Community[];
  selected: number | null;
  onSelect: (id: number | null) => void;
  canWrite: boolean;
}

export function TownPane({ towns, communities, selected, onSelect, canWrite }: TownPaneProps) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<Town | null>(null);
  const add = useAction();
  const edit = useAction();
  const reload = useCommunities((s) => s.load);
  const sorted = [...towns].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const countOf = (townId: number) => communities.filter((c) => c.townId === townId).length;

  const submitAdd = () => {
    if (!code.trim() || !name.trim()) return add.setError('请填写乡镇（街道）的代码和名称。');
    void add.run(async () => {
      const t = await call('town.add', { code: code.trim(), name: name.trim() });
      setCode('');
      setName('');
      toast(`已添加：${t.name}`);
      await reload();
      onSelect(t.id);
      document.getElementById('town-code')?.focus();
    });
  };

  const submitEdit = () => {
    if (!editing) return;
    void edit.run(async () => {
      await call('town.update', { id: editing.id, code: editing.code.trim(), name: editing.name.trim() });
      setEditing(null);
      toast('已保存');
      await reload();
    });
  };

  return (
    <div className="pane">
      <div className="pane-title">乡镇（街道）</div>
      <div className="table-wrap">
        <table className="table table-clickable" data-testid="town-list">
          <thead>
            <tr>
              <th style={{ width: '6em' }}>代码</th>
              <th>名称</th>
              <th style={{ width: '5em' }}>社区数</th>
              {canWrite ? <th style={{ width: '8em' }} /> : null}
            </tr>
          </thead>
          <tbody>
            <tr className={selected === null ? 'row-selected' : undefined} onClick={() => onSelect(null)}>
              <td />
              <td>（全部）</td>
              <td>{communities.length}</td>
              {canWrite ? <td /> : null}
            </tr>
            {sorted.map((t) =>
              editing?.id === t.id ? (
                <tr key={t.id} className="row-editing">
                  <td>
                    <input value={editing.code} onChange={(e) => setEditing({ ...editing, code: e.target.value })} aria-label="代码" className="mono" />
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
                  <td>{countOf(t.id)}</td>
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
                <tr key={t.id} className={selected === t.id ? 'row-selected' : undefined} onClick={() => onSelect(t.id)}>
                  <td className="mono">{t.code}</td>
                  <td>{t.name}</td>
                  <td>{countOf(t.id)}</td>
                  {canWrite ? (
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={(e) => {
                          e.stopPropagation();
                          edit.setError(null);
                          setEditing(t);
                        }}
                      >
                        修改
                      </button>
                    </td>
                  ) : null}
                </tr>
              ),
            )}
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
          <input id="town-code" className="mono code-input" placeholder="代码" value={code} onChange={(e) => setCode(e.target.value)} data-testid="town-code" aria-label="乡镇（街道）代码" />
          <input placeholder="乡镇（街道）名称" value={name} onChange={(e) => setName(e.target.value)} data-testid="town-name" aria-label="乡镇（街道）名称" />
          <BusyButton type="submit" primary busy={add.busy} busyText="添加中…" data-testid="town-add">
            添加
          </BusyButton>
        </form>
      ) : null}
      <FormError message={add.error} />
    </div>
  );
}
