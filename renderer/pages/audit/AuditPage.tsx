/** 操作日志: filter by user, action and dates; newest first; a row expands to its before/after. */
import { Fragment, useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { AuditEntry, Page } from '../../../shared/types';
import { DateInput } from '../../components/DateInput';
import { FormError } from '../../components/FormError';
import { Pager } from '../../components/Pager';
import { useAction } from '../../hooks/useAction';
import { parseDateInput } from '../../lib/dateInput';
import { ACTION_FILTER_GROUPS, actionLabel, entityLabel } from '../../lib/auditLabels';
import { formatDateTime } from '../../lib/format';
import { AuditDiff } from './AuditDiff';

const LIMIT = 50;

interface Filters {
  userName: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { userName: '', action: '', from: '', to: '' };

export function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<AuditEntry>>({ rows: [], total: 0 });
  const [open, setOpen] = useState<number | null>(null);
  const action = useAction();
  const { run } = action;

  const load = useCallback(
    (f: Filters, off: number) =>
      void run(async () => {
        const r = await call('audit.list', {
          userName: f.userName.trim(),
          action: f.action,
          ...(f.from ? { from: f.from } : {}),
          ...(f.to ? { to: f.to } : {}),
          offset: off,
          limit: LIMIT,
        });
        setPage(r);
      }),
    [run],
  );

  useEffect(() => load(applied, offset), [load, applied, offset]);

  const apply = (raw: Filters) => {
    const from = parseDateInput(raw.from);
    const to = parseDateInput(raw.to);
    if (!from.ok) return action.setError(`开始日期有误：${from.message}`);
    if (!to.ok) return action.setError(`结束日期有误：${to.message}`);
    if (from.value && to.value && from.value > to.value) return action.setError('开始日期不能晚于结束日期。');
    const f = { ...raw, from: from.value ?? '', to: to.value ?? '' };
    setDraft(f);
    setApplied(f);
    setOffset(0);
    setOpen(null);
  };

  return (
    <section className="page">
      <div className="page-header">
        <h1>操作日志</h1>
      </div>
      <form
        className="filter-bar"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
        noValidate
      >
        <label>
          操作人
          <input value={draft.userName} onChange={(e) => setDraft({ ...draft, userName: e.target.value })} placeholder="登录名" data-testid="audit-filter-user" />
        </label>
        <label>
          操作类型
          <select value={draft.action} onChange={(e) => apply({ ...draft, action: e.target.value })} data-testid="audit-filter-action">
            <option value="">全部</option>
            {ACTION_FILTER_GROUPS.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          起
          <DateInput value={draft.from} onChange={(v) => setDraft({ ...draft, from: v })} className="filter-date" data-testid="audit-filter-from" />
        </label>
        <label>
          止
          <DateInput value={draft.to} onChange={(v) => setDraft({ ...draft, to: v })} className="filter-date" data-testid="audit-filter-to" />
        </label>
        <button type="submit" className="btn btn-primary" data-testid="audit-filter-apply">
          查询
        </button>
        <button type="button" className="btn" onClick={() => apply(EMPTY)}>
          清除
        </button>
      </form>
      <FormError message={action.error} />
      <div className="table-wrap">
        <table className="table table-clickable" data-testid="audit-table" aria-busy={action.busy}>
          <thead>
            <tr>
              <th style={{ width: '2em' }} />
              <th style={{ width: '13em' }}>时间</th>
              <th style={{ width: '8em' }}>操作人</th>
              <th>操作</th>
              <th>对象</th>
              <th style={{ width: '6em' }}>对象ID</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((e) => (
              <Fragment key={e.id}>
                <tr
                  className={open === e.id ? 'row-selected' : undefined}
                  onClick={() => setOpen(open === e.id ? null : e.id)}
                  tabIndex={0}
                  onKeyDown={(k) => {
                    if (k.key === 'Enter' || k.key === ' ') {
                      k.preventDefault();
                      setOpen(open === e.id ? null : e.id);
                    }
                  }}
                  aria-expanded={open === e.id}
                >
                  <td className="expander">{open === e.id ? '▾' : '▸'}</td>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.userName || '—'}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{entityLabel(e.entity)}</td>
                  <td className="mono cell-id" title={e.entityId}>
                    {e.entityId}
                  </td>
                </tr>
                {open === e.id ? (
                  <tr className="row-detail">
                    <td />
                    <td colSpan={5}>
                      <AuditDiff entry={e} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
            {page.rows.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={6}>{action.busy ? '正在查询…' : '没有符合条件的记录。'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pager offset={offset} limit={LIMIT} total={page.total} shown={page.rows.length} onChange={setOffset} />
    </section>
  );
}
