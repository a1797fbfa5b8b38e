/** One retiree's volumes (第 n 卷): list, open, and create a new one. */
import type { Person } from '../../../shared/types';
import { FormError } from '../../components/FormError';
import { formatDateTime } from '../../lib/format';
import { useDigitize } from '../../state/digitizationStore';
import { CreateVolumeForm } from './CreateVolumeForm';
import { SCHEME_SHORT, VOLUME_STATUS_LABELS } from './pageLabels';

export function VolumePane({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const volumes = useDigitize((s) => s.volumes);
  const loading = useDigitize((s) => s.volumesLoading);
  const error = useDigitize((s) => s.volumesError);
  const openVolume = useDigitize((s) => s.openVolume);

  return (
    <>
      <div className="pane-title" data-testid="dz-person">
        {person.name}
        <span className="mono dz-person-id">{person.idNumber}</span>
        <span className="muted">
          {person.townName} · {person.communityName}
        </span>
      </div>
      <FormError message={error} />
      <div className="table-wrap">
        <table className="table table-clickable" data-testid="volume-table" aria-busy={loading}>
          <thead>
            <tr>
              <th>卷</th>
              <th>类别方案</th>
              <th>档号</th>
              <th>状态</th>
              <th>计数页数</th>
              <th>图像</th>
              <th>建立时间</th>
            </tr>
          </thead>
          <tbody>
            {volumes.map((v) => (
              <tr
                key={v.id}
                tabIndex={0}
                onClick={() => openVolume(v.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') openVolume(v.id);
                }}
                title="打开 (Enter)"
                data-testid={`volume-row-${v.volumeNo}`}
              >
                <td>第 {v.volumeNo} 卷</td>
                <td>{SCHEME_SHORT[v.scheme]}</td>
                <td className="mono">{v.archiveNo ?? <span className="muted">未编</span>}</td>
                <td className={v.status === 'accepted' ? 'status-on' : undefined}>{VOLUME_STATUS_LABELS[v.status]}</td>
                <td>{v.pageCount}</td>
                <td>{v.stripCount}</td>
                <td>{formatDateTime(v.createdAt)}</td>
              </tr>
            ))}
            {volumes.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={7}>{loading ? '正在读取…' : canWrite ? '尚未建卷。请在下方选择类别方案后新建第 1 卷。' : '尚未建卷。'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {canWrite ? <CreateVolumeForm person={person} nextNo={volumes.reduce((n, v) => Math.max(n, v.volumeNo), 0) + 1} defaultScheme={volumes[volumes.length - 1]?.scheme ?? 'enterprise'} /> : null}
    </>
  );
}
