/** Whose volume this is, its scheme and status, and the count that must always be visible. */
import { SCHEME_LABELS } from '../../../shared/archiveClasses';
import type { PageInfo, Volume } from '../../../shared/types';
import { SCHEME_SHORT, VOLUME_STATUS_LABELS } from './pageLabels';
import { countLine, stripCounts } from './stripCounts';

interface WorkbenchHeaderProps {
  volume: Volume;
  pages: PageInfo[];
  pageCount: number;
  onBack: () => void;
  onEdit: (() => void) | null;
}

export function WorkbenchHeader({ volume, pages, pageCount, onBack, onEdit }: WorkbenchHeaderProps) {
  return (
    <div className="dz-header">
      <button type="button" className="btn btn-small" onClick={onBack} data-testid="workbench-back" title="返回卷列表">
        ← 返回
      </button>
      <h1 className="dz-title">
        {volume.personName}
        <span className="dz-title-sub">第 {volume.volumeNo} 卷</span>
      </h1>
      <span className="dz-tag" title={SCHEME_LABELS[volume.scheme]}>
        {SCHEME_SHORT[volume.scheme]}
      </span>
      <span className="dz-tag mono" data-testid="volume-archive">
        档号 {volume.archiveNo ?? '未编'}
      </span>
      <span className={volume.status === 'accepted' ? 'dz-tag dz-tag-ok' : 'dz-tag'} data-testid="volume-status">
        {VOLUME_STATUS_LABELS[volume.status]}
      </span>
      {onEdit ? (
        <button type="button" className="btn btn-small btn-link" onClick={onEdit} data-testid="volume-edit">
          修改卷信息
        </button>
      ) : null}
      <span className="dz-count" data-testid="page-count-line" aria-live="polite">
        {countLine(stripCounts(pages), pageCount)}
      </span>
    </div>
  );
}
