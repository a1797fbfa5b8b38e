/**
 * 容量: totals, fill per room → unit → row (pick a room, then a unit, to drill down), space per
 * community run, intake per month with a projection, when each room is full, and the standards.
 */
import { useEffect, useState } from 'react';
import type { CapacityDashboard } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { FillGauge, formatPercent, MonthlyColumns, StackedBar } from '../../../components/charts';
import { FormError } from '../../../components/FormError';
import { Modal } from '../../../components/Modal';
import { useAction } from '../../../hooks/useAction';
import { useStorage } from '../../../state/storageStore';
import { toast } from '../../../state/toastStore';
import { forecastLevel, forecastWording, metres, projectMonthly } from '../forecast';
import { count, gaugeOf, intakeSeries, runSegments, shortRuns } from './capacityFigures';
import { CommunityReserves } from './CommunityReserves';
import { ComplianceCards } from './ComplianceCards';
import { StorageSettingsForm } from './StorageSettingsForm';
import './capacity.css';

export function CapacityTab({ canWrite }: { canWrite: boolean }) {
  const [data, setData] = useState<CapacityDashboard | null>(null);
  const [roomId, setRoomId] = useState<number | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const settings = useStorage((s) => s.settings);
  const action = useAction();
  const run = action.run;

  const refresh = () => void run(async () => setData(await call('storage.capacity', {})));
  useEffect(() => {
    void run(async () => setData(await call('storage.capacity', {})));
  }, [run]);

  const room = data?.rooms.find((r) => r.roomId === roomId) ?? data?.rooms.find((r) => r.units.length > 0) ?? null;
  const unit = room?.units.find((u) => u.unitId === unitId) ?? room?.units[0] ?? null;
  const intake = data ? intakeSeries(data) : [];
  const projection = projectMonthly(intake);
  const short = data ? shortRuns(data.runs) : [];

  return (
    <div className="st-capacity" data-testid="capacity-dashboard">
      <div className="toolbar">
        <button type="button" className="btn" onClick={refresh} disabled={action.busy} data-testid="capacity-refresh">
          刷新
        </button>
        {canWrite && settings ? (
          <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="capacity-settings">
            标准与参数…
          </button>
        ) : null}
        {data ? <span className="muted">统计时间 {data.asOf}</span> : null}
      </div>
      <FormError message={action.error} />
      {data ? (
        <>
          <div className="st-totals" data-testid="capacity-totals">
            <Total label="总排架长度" value={`${metres(data.totals.capacityMm)} 米`} testId="total-capacity" />
            <Total label="已用" value={`${metres(data.totals.usedMm)} 米（${formatPercent(data.totals.fill * 100)}）`} testId="total-used" />
            <Total label="空闲" value={`${metres(data.totals.freeMm)} 米`} testId="total-free" />
            <Total label="预留" value={`${metres(data.totals.reservedMm)} 米`} />
            <Total label="在架档案" value={`${count(data.totals.files)} 份 / ${count(data.totals.volumes)} 卷`} testId="total-files" />
            <Total label="待上架" value={`${count(data.totals.unplacedFiles)} 份`} warn={count(data.totals.unplacedFiles) > 0} testId="total-unplaced" />
          </div>
          {data.rooms.length === 0 ? <div className="notice">还没有库房和密集架。请先在「库房与密集架」中登记。</div> : null}
          <div className="st-chart-grid">
            <FillGauge title="各房间已用（米）" unit="米" testId="chart-rooms" items={data.rooms.filter((r) => r.capacityMm > 0).map((r) => gaugeOf(String(r.roomId), r.name, r))} />
            {room ? (
              <div>
                <div className="st-drill">
                  <label>
                    库房{' '}
                    <select value={room.roomId} onChange={(e) => {
                        setRoomId(Number(e.target.value));
                        setUnitId(null);
                      }} data-testid="capacity-room">
                      {data.rooms
                        .filter((r) => r.units.length > 0)
                        .map((r) => (
                          <option key={r.roomId} value={r.roomId}>
                            {r.name}
                          </option>
                        ))}
                    </select>
                  </label>
                  {unit ? (
                    <label>
                      密集架{' '}
                      <select value={unit.unitId} onChange={(e) => setUnitId(Number(e.target.value))} data-testid="capacity-unit">
                        {room.units.map((u) => (
                          <option key={u.unitId} value={u.unitId}>
                            {u.name}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : null}
                </div>
                <FillGauge title={`${room.name}：各密集架已用（米）`} unit="米" testId="chart-units" items={room.units.map((u) => gaugeOf(String(u.unitId), u.name, u))} />
                {unit ? <FillGauge title={`${unit.name}：各列已用（米）`} unit="米" testId="chart-rows" items={unit.rows.map((r) => gaugeOf(String(r.row), `第 ${r.row} 列`, r))} /> : null}
              </div>
            ) : null}
          </div>
          <h3>各房间预计装满时间</h3>
          <table className="table" data-testid="capacity-forecast">
            <thead>
              <tr>
                <th>房间</th>
                <th className="num">空闲（米）</th>
                <th className="num">每月增长（米）</th>
                <th>预计装满</th>
              </tr>
            </thead>
            <tbody>
              {data.rooms
                .filter((r) => r.kind === 'storage')
                .map((r) => (
                  <tr key={r.roomId} className={`st-forecast-${forecastLevel(r.forecastFullOn, data.asOf)}`}>
                    <td>{r.name}</td>
                    <td className="num">{metres(r.freeMm)}</td>
                    <td className="num">{metres(r.monthlyGrowthMm)}</td>
                    <td>{forecastWording(r.forecastFullOn, data.asOf, r.capacityMm, r.monthlyGrowthMm)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="st-chart-grid">
            <StackedBar
              title="各社区排架段空间（米）"
              unit="米"
              testId="chart-runs"
              series={[
                { label: '已用', className: 'chart-s1' },
                { label: '预留', className: 'chart-s2' },
                { label: '其余空闲', className: 'chart-s3' },
              ]}
              categories={data.runs.map(runSegments)}
            />
            <MonthlyColumns
              title="近 12 个月接收量（卷）"
              unit="卷"
              testId="chart-intake"
              actual={intake}
              forecast={projection.forecast}
              reference={projection.mean > 0 ? { label: `月均 ${Math.round(projection.mean)} 卷`, value: projection.mean } : undefined}
            />
          </div>
          {short.length > 0 ? (
            <div className="notice st-warn" data-testid="capacity-short-runs">
              预留不足或有待上架档案的社区：
              {short.map((r) => `${r.communityName}（空闲 ${metres(r.freeMm)} 米，应留 ${metres(r.reserveMm)} 米${r.unplaced > 0 ? `，待上架 ${r.unplaced} 份` : ''}）`).join('；')}
              。请在「排架」中生成方案。
            </div>
          ) : null}
          <h3>达标情况</h3>
          <ComplianceCards checks={data.compliance} />
        </>
      ) : action.busy ? (
        <p className="muted">正在统计…</p>
      ) : null}
      {editing && settings ? (
        <Modal title="库房标准与参数" onClose={() => setEditing(false)} width={720}>
          <StorageSettingsForm
            settings={settings}
            onClose={() => setEditing(false)}
            onSaved={(s) => {
              useStorage.getState().settingsSaved(s);
              setEditing(false);
              toast('已保存库房标准与参数');
              refresh();
            }}
          />
          <CommunityReserves settings={settings} onSaved={(s) => useStorage.getState().settingsSaved(s)} />
        </Modal>
      ) : null}
    </div>
  );
}

function Total({ label, value, warn, testId }: { label: string; value: string; warn?: boolean; testId?: string }) {
  return (
    <div className={warn ? 'st-total st-total-warn' : 'st-total'} data-testid={testId}>
      <div className="st-total-label">{label}</div>
      <div className="st-total-value">{value}</div>
    </div>
  );
}
