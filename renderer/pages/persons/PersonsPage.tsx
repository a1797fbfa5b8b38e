/** 退休人员: search, a paged table, and the add/edit form (Alt+N or Insert for a new one). */
import { useEffect, useRef, useState } from 'react';
import { can } from '../../../shared/roles';
import type { Person, SessionInfo } from '../../../shared/types';
import { CommunitySelect } from '../../components/CommunitySelect';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { Pager } from '../../components/Pager';
import { useKeyDown } from '../../hooks/useKeyDown';
import { isNewKey } from '../../lib/keys';
import { useCommunities } from '../../state/communitiesStore';
import { PAGE_SIZE, usePersons } from '../../state/personsStore';
import { PersonForm } from './PersonForm';
import { PersonTable } from './PersonTable';

const SEARCH_DELAY_MS = 300;

type Editing = { mode: 'new' } | { mode: 'edit'; person: Person } | null;

export function PersonsPage({ session, active }: { session: SessionInfo; active: boolean }) {
  const canWrite = can(session.role, 'person.write');
  const persons = usePersons();
  const communities = useCommunities();
  const [editing, setEditing] = useState<Editing>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const debounce = useRef<number | undefined>(undefined);

  useEffect(() => {
    void usePersons.getState().search();
    const c = useCommunities.getState();
    if (!c.loaded || c.error) void c.load();
  }, []);

  useKeyDown((e) => {
    if (canWrite && editing === null && isNewKey(e)) {
      e.preventDefault();
      setEditing({ mode: 'new' });
    }
  }, active);

  const onQuery = (q: string) => {
    persons.setQuery(q);
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => void usePersons.getState().search(), SEARCH_DELAY_MS);
  };

  const closeForm = () => {
    setEditing(null);
    searchBox.current?.focus();
  };

  const saved = () => {
    void usePersons.getState().search();
    void useCommunities.getState().load(); // person counts per community changed
  };

  return (
    <section className="page">
      <div className="page-header">
        <h1>退休人员</h1>
        <div className="toolbar">
          <input
            ref={searchBox}
            type="search"
            className="search-input"
            placeholder="姓名或身份证号（可扫码）"
            value={persons.query}
            onChange={(e) => onQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                window.clearTimeout(debounce.current);
                void persons.search();
              }
            }}
            data-testid="person-search"
            aria-label="搜索退休人员"
          />
          <CommunitySelect
            value={persons.communityId}
            onChange={persons.setCommunity}
            communities={communities.communities}
            towns={communities.towns}
            emptyLabel="全部社区"
            testId="person-community-filter"
          />
          {canWrite ? (
            <button type="button" className="btn btn-primary" onClick={() => setEditing({ mode: 'new' })} title="新增 (Alt+N 或 Insert)" data-testid="person-add">
              新增
            </button>
          ) : null}
        </div>
      </div>
      <FormError message={persons.error ?? communities.error} />
      {communities.loaded && communities.communities.length === 0 ? (
        <div className="notice">
          还没有任何社区。登记退休人员前，
          {can(session.role, 'community.write') ? '请先在「社区管理」中添加乡镇（街道）和社区。' : '请联系主管或管理员在「社区管理」中添加乡镇（街道）和社区。'}
        </div>
      ) : null}
      <PersonTable rows={persons.rows} loading={persons.loading} onOpen={(p) => setEditing({ mode: 'edit', person: p })} />
      <Pager offset={persons.offset} limit={PAGE_SIZE} total={persons.total} shown={persons.rows.length} onChange={persons.setOffset} />
      {editing ? (
        <Modal title={editing.mode === 'new' ? '新增退休人员' : canWrite ? '修改退休人员' : '查看退休人员'} onClose={closeForm} width={760}>
          <PersonForm
            person={editing.mode === 'edit' ? editing.person : null}
            readOnly={!canWrite}
            communities={communities.communities}
            towns={communities.towns}
            onSaved={saved}
            onClose={closeForm}
          />
        </Modal>
      ) : null}
    </section>
  );
}
