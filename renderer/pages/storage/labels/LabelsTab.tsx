/**
 * 标签: choose files (pasted archive numbers, a number range, or a whole community), spine or box
 * labels (Code 128 + QR, name, community) on an A4 sheet grid, skip the cells already used, and get
 * a stored PDF to print. Shelf-end labels (架端标签) per unit are at the bottom.
 */
import { useEffect, useState } from 'react';
import type { LocateHit } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { BusyButton } from '../../../components/BusyButton';
import { CommunitySelect } from '../../../components/CommunitySelect';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useAction } from '../../../hooks/useAction';
import { useCommunities } from '../../../state/communitiesStore';
import { useStorage } from '../../../state/storageStore';
import { DocumentDialog } from '../../../components/documents/DocumentDialog';
import { etaText, expandRange, MAX_LABEL_FILES, parseArchiveList } from '../labelSelection';
import { LabelGridForm } from './LabelGridForm';
import { resolveArchiveNos, resolveCommunity, type Resolved } from './resolveFiles';
import { SkipGrid } from './SkipGrid';

type Mode = 'list' | 'range' | 'community';

export function LabelsTab({ canWrite }: { canWrite: boolean }) {
  const [mode, setMode] = useState<Mode>('list');
  const [list, setList] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [kind, setKind] = useState<'spine' | 'box'>('spine');
  const [skip, setSkip] = useState(0);
  const [resolved, setResolved] = useState<Resolved | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; started: number; now: number } | null>(null);
  const [docId, setDocId] = useState<number | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [gridOpen, setGridOpen] = useState(false);
  const communities = useCommunities();
  const { units, settings } = useStorage();
  const pick = useAction();
  const print = useAction();

  useEffect(() => {
    const c = useCommunities.getState();
    if (!c.loaded || c.error) void c.load();
  }, []);

  const choose = () => {
    const started = Date.now();
    setProgress(null);
    const onProgress = (done: number, total: number) => setProgress({ done, total, started, now: Date.now() });
    setResolved(null);
    if (mode === 'list') {
      const nos = parseArchiveList(list);
      if (nos.length === 0) return pick.setError('请输入或扫描档号，每行一个。');
      if (nos.length > MAX_LABEL_FILES) return pick.setError(`一次最多 ${MAX_LABEL_FILES} 个档号，当前 ${nos.length} 个。请分批打印。`);
      void pick.run(async () => setResolved(await resolveArchiveNos(nos, onProgress)));
    } else if (mode === 'range') {
      const r = expandRange(from, to);
      if (!r.ok) return pick.setError(r.message);
      void pick.run(async () => setResolved(await resolveArchiveNos(r.numbers, onProgress)));
    } else {
      if (communityId === null) return pick.setError('请选择社区。');
      void pick.run(async () => setResolved(await resolveCommunity(communityId, onProgress)));
    }
  };

  const files: LocateHit[] = resolved?.files ?? [];
  const grid = settings?.labelGrid;
  const perSheet = grid ? grid.columns * grid.rows : 0;
  const makeSheet = () => {
    if (files.length === 0) return print.setError('还没有选中任何档案。请先选择档案。');
    void print.run(async () => setDocId((await call('storage.labelSheet', { kind, fileIds: files.map((f) => f.fileId), skip })).id));
  };
  const shelfEnd = () => {
    const id = unitId ?? units[0]?.id ?? null;
    if (id === null) return print.setError('还没有密集架。');
    void print.run(async () => setDocId((await call('storage.shelfEndLabels', { unitId: id })).id));
  };

  if (!canWrite) return <div className="notice">打印标签需要档案员或主管权限。</div>;
  return (
    <div className="st-labels">
      <div className="two-panes">
        <div className="pane">
          <div className="pane-title">1. 选择档案</div>
          <div className="st-segmented" role="radiogroup" aria-label="选择方式">
            {(
              [
                ['list', '档号清单'],
                ['range', '档号范围'],
                ['community', '整个社区'],
              ] as const
            ).map(([m, label]) => (
              <label key={m} className="checkbox">
                <input type="radio" name="st-label-mode" checked={mode === m} onChange={() => setMode(m)} data-testid={`label-mode-${m}`} />
                {label}
              </label>
            ))}
          </div>
          {mode === 'list' ? (
            <Field label="档号" htmlFor="st-label-list" hint="每行一个，可逐个扫码（扫码枪回车即换行）或从表格粘贴。" wide>
              <textarea id="st-label-list" rows={8} value={list} onChange={(e) => setList(e.target.value)} spellCheck={false} className="mono" data-testid="label-list" />
            </Field>
          ) : null}
          {mode === 'range' ? (
            <div className="inline-form">
              <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="起始档号" aria-label="起始档号" className="mono" data-testid="label-from" />
              <span>至</span>
              <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="结束档号" aria-label="结束档号" className="mono" data-testid="label-to" />
            </div>
          ) : null}
          {mode === 'community' ? <CommunitySelect value={communityId} onChange={setCommunityId} communities={communities.communities} towns={communities.towns} emptyLabel="选择社区…" testId="label-community" /> : null}
          <div className="form-actions">
            <BusyButton type="button" busy={pick.busy} busyText={progress ? `正在查找 ${progress.done} / ${progress.total}…` : '正在查找…'} onClick={choose} data-testid="label-choose">
              选择档案
            </BusyButton>
          </div>
          {pick.busy && progress && progress.total > 0 ? (
            <div className="st-progress" data-testid="label-progress">
              <progress max={progress.total} value={progress.done} /> {progress.done} / {progress.total}
              {etaText(progress.started, progress.now, progress.done, progress.total) ? `，剩余时间 ${etaText(progress.started, progress.now, progress.done, progress.total)}` : ''}
            </div>
          ) : null}
          <FormError message={pick.error} />
          {resolved ? (
            <div data-testid="label-selection">
              <p>
                已选 <strong data-testid="label-count">{files.length}</strong> 份档案
                {resolved.missing.length > 0 ? `；${resolved.missing.length} 个档号在本馆没有档案：${resolved.missing.slice(0, 20).join('、')}${resolved.missing.length > 20 ? ' 等' : ''}` : ''}。
              </p>
              {files.length > 0 ? (
                <div className="table-wrap st-scroll">
                  <table className="table">
                    <thead>
                      <tr>
                        <th>档号</th>
                        <th>姓名</th>
                        <th>社区</th>
                        <th className="num">卷数</th>
                      </tr>
                    </thead>
                    <tbody>
                      {files.slice(0, 200).map((f) => (
                        <tr key={f.fileId}>
                          <td className="mono">{f.archiveNo}</td>
                          <td>{f.name}</td>
                          <td>{f.communityName}</td>
                          <td className="num">{f.volumes}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
        <div className="pane">
          <div className="pane-title">2. 标签纸</div>
          <div className="st-segmented">
            <label className="checkbox">
              <input type="radio" name="st-label-kind" checked={kind === 'spine'} onChange={() => setKind('spine')} data-testid="label-kind-spine" />
              脊背标签
            </label>
            <label className="checkbox">
              <input type="radio" name="st-label-kind" checked={kind === 'box'} onChange={() => setKind('box')} data-testid="label-kind-box" />
              档案盒标签
            </label>
          </div>
          {grid ? (
            <>
              <p className="muted">
                每张 {grid.columns} 列 × {grid.rows} 行 = {perSheet} 枚，每枚 {grid.labelWidthMm} × {grid.labelHeightMm} mm。
                <button type="button" className="btn btn-link" onClick={() => setGridOpen((o) => !o)} data-testid="label-grid-edit">
                  {gridOpen ? '收起' : '修改版式…'}
                </button>
              </p>
              {gridOpen ? <LabelGridForm grid={grid} onSaved={() => setGridOpen(false)} /> : null}
              <div>第一张纸已用的格子（点击开始打印的位置）：</div>
              <SkipGrid columns={grid.columns} rows={grid.rows} skip={Math.min(skip, perSheet - 1)} onChange={setSkip} />
              <p className="muted" data-testid="label-skip-text">
                跳过前 {skip} 格{files.length > 0 ? `，共需 ${Math.ceil((files.length + skip) / Math.max(1, perSheet))} 张纸` : ''}。
              </p>
            </>
          ) : null}
          <FormError message={print.error} />
          <div className="form-actions">
            <BusyButton type="button" primary busy={print.busy} busyText="正在生成 PDF…" onClick={makeSheet} disabled={files.length === 0} data-testid="label-print">
              生成标签 PDF
            </BusyButton>
          </div>
          <h3>架端标签</h3>
          <div className="inline-form">
            <select value={unitId ?? units[0]?.id ?? ''} onChange={(e) => setUnitId(Number(e.target.value))} aria-label="密集架" data-testid="label-shelf-end-unit">
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.roomName} {u.name}
                </option>
              ))}
            </select>
            <button type="button" className="btn" onClick={shelfEnd} disabled={print.busy || units.length === 0} data-testid="label-shelf-end">
              生成架端标签
            </button>
          </div>
          <p className="muted">每列一张，标明位置、所存档号起止和社区。</p>
        </div>
      </div>
      {docId !== null ? <DocumentDialog documentId={docId} onClose={() => setDocId(null)} /> : null}
    </div>
  );
}
