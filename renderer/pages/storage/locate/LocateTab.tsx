/**
 * 查找: one box for a name, ID number or archive number (a scanner types the code and Enter). The
 * box keeps focus and selects its text after each search, so the next scan simply replaces it.
 */
import { useEffect, useRef, useState } from 'react';
import type { FileStatus, LocateHit } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { FormError } from '../../../components/FormError';
import { ScanInput } from '../../../components/ScanInput';
import { useAction } from '../../../hooks/useAction';
import { useStorage } from '../../../state/storageStore';
import { normalizeScan, QUERY_KIND_LABEL, queryKind } from '../scanCode';
import { UnitDiagram } from './UnitDiagram';

export const STATUS_CLASS: Record<FileStatus, string> = { held: 'st-status-held', on_loan: 'st-status-loan', digitizing: 'st-status-digitizing', transferred_out: 'st-status-out' };

export function LocateTab({ active }: { active: boolean }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<LocateHit[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const box = useRef<HTMLInputElement>(null);
  const action = useAction();
  const units = useStorage((s) => s.units);

  useEffect(() => {
    if (active) box.current?.focus();
  }, [active]);

  const search = () => {
    const q = normalizeScan(query);
    if (!q) return action.setError('请输入姓名、身份证号或档号，或直接扫描档案条码。');
    void action.run(async () => {
      const found = await call('storage.locate', { query: q, by: 'auto', limit: 50 });
      setHits(found);
      setChosen(found[0]?.fileId ?? null);
    });
    // Whether Enter or the button started it, the box is ready for the next scan.
    box.current?.focus();
    box.current?.select();
  };

  const hit = hits?.find((h) => h.fileId === chosen) ?? null;
  const unit = hit?.place ? units.find((u) => u.id === hit.place?.unitId) : undefined;
  const kind = queryKind(query);
  return (
    <div className="st-locate">
      <div className="st-locate-bar">
        <ScanInput
          ref={box}
          type="search"
          className="search-input st-big-input"
          placeholder="姓名、身份证号或档号（可扫码）"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onScan={search}
          aria-label="查找档案位置"
          data-testid="locate-query"
        />
        <button type="button" className="btn btn-primary" onClick={search} disabled={action.busy} data-testid="locate-search">
          查找
        </button>
        {kind !== 'empty' ? <span className="muted">按{QUERY_KIND_LABEL[kind]}查找</span> : null}
      </div>
      <FormError message={action.error} />
      {hits !== null && hits.length === 0 ? (
        <div className="notice" data-testid="locate-none">
          没有找到「{normalizeScan(query)}」。请核对后重试；姓名可只输入一部分。
        </div>
      ) : null}
      {hits !== null && hits.length > 1 ? (
        <table className="table table-clickable" data-testid="locate-hits">
          <thead>
            <tr>
              <th>档号</th>
              <th>姓名</th>
              <th>身份证号</th>
              <th>社区</th>
              <th>状态</th>
              <th>位置</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((h) => (
              <tr key={h.fileId} className={h.fileId === chosen ? 'st-selected' : undefined} onClick={() => setChosen(h.fileId)}>
                <td className="mono">{h.archiveNo}</td>
                <td>{h.name}</td>
                <td className="mono">{h.idNumber}</td>
                <td>{h.communityName}</td>
                <td>
                  <span className={`st-status ${STATUS_CLASS[h.status]}`}>{h.statusLabel}</span>
                </td>
                <td className="mono">{h.place?.label ?? '未上架'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hit ? (
        <div className="st-locate-hit" data-testid="locate-result" data-status={hit.status}>
          <div className="st-locate-facts">
            <div className="st-locate-place" data-testid="locate-place">
              {hit.place ? hit.place.label : '未上架'}
            </div>
            <div>
              <span className={`st-status ${STATUS_CLASS[hit.status]}`} data-testid="locate-status">
                {hit.statusLabel}
              </span>
            </div>
            <dl className="st-facts">
              <dt>档号</dt>
              <dd className="mono" data-testid="locate-archive-no">
                {hit.archiveNo}
              </dd>
              <dt>姓名</dt>
              <dd>{hit.name}</dd>
              <dt>身份证号</dt>
              <dd className="mono">{hit.idNumber}</dd>
              <dt>社区</dt>
              <dd>{hit.communityName}</dd>
              <dt>卷数</dt>
              <dd>{hit.volumes} 卷</dd>
            </dl>
            {!hit.place ? <p className="muted">此档案尚未上架，可在「排架」中生成上架方案。</p> : null}
          </div>
          {hit.place && unit ? <UnitDiagram unit={unit} place={hit.place} /> : null}
        </div>
      ) : null}
    </div>
  );
}
