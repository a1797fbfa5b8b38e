/** 申请列表: every request, by state or text (number, unit, reader, file); a row opens it. */
import { useState } from 'react';
import { REQUEST_STATUSES, REQUEST_STATUS_LABELS, type RequestStatus } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { Pager } from '../../components/Pager';
import { RequestDialog } from './RequestDialog';
import { RequestTable } from './RequestTable';
import { useLoad } from './useLoad';

const LIMIT = 50;

export function RequestListTab({ canCancel }: { canCancel: boolean }) {
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const [mine, setMine] = useState(false);
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const list = useLoad(
    () => call('lending.request.list', { ...(status ? { status } : {}), mine, query: applied, offset, limit: LIMIT }),
    [status, mine, applied, offset],
  );
  return (
    <div>
      <div className="toolbar ld-toolbar">
        <input
          type="search"
          className="search-input"
          placeholder="申请编号、单位、查阅人或档案，回车查找"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              setOffset(0);
              setApplied(query.trim());
            }
          }}
          data-testid="ld-list-search"
        />
        <select
          value={status}
          onChange={(e) => {
            setOffset(0);
            setStatus(e.target.value as RequestStatus | '');
          }}
          data-testid="ld-list-status"
        >
          <option value="">全部状态</option>
          {REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {REQUEST_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          只看我登记的
        </label>
      </div>
      <FormError message={list.error} />
      <RequestTable rows={list.data?.rows ?? []} onOpen={(r) => setOpen(r.id)} testId="ld-request-list" empty="没有符合条件的申请。" />
      <Pager offset={offset} limit={LIMIT} total={list.data?.total ?? 0} shown={list.data?.rows.length ?? 0} onChange={setOffset} />
      {open !== null ? <RequestDialog requestId={open} canCancel={canCancel} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
