/** Job progress as the clerk reads it: count, percentage, time left, in Chinese. */
import type { Job } from '../../../shared/types';

export const JOB_KIND_LABELS: Record<Job['kind'], string> = {
  import: '导入',
  watch: '监视文件夹',
  scan: '扫描',
  export: '导出',
};

export const JOB_STATE_LABELS: Record<Job['state'], string> = {
  running: '进行中',
  done: '已完成',
  failed: '失败',
  cancelled: '已停止',
};

/** "约 45 秒", "约 3 分 20 秒", "约 1 小时 5 分"; unknown → "正在估算…". */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '正在估算…';
  const s = Math.round(seconds);
  if (s < 5) return '即将完成';
  if (s < 60) return `约 ${s} 秒`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    // Seconds only matter while minutes are few; "约 12 分 37 秒" is false precision.
    if (m >= 10 || rest === 0) return `约 ${m} 分`;
    return `约 ${m} 分 ${rest} 秒`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m === 0 ? `约 ${h} 小时` : `约 ${h} 小时 ${m} 分`;
}

/** 0–100, or null while the total is unknown (watched folder, feeder). */
export function jobPercent(job: Pick<Job, 'done' | 'failed' | 'total' | 'state'>): number | null {
  if (job.state === 'done') return 100;
  if (job.total === null || job.total <= 0) return null;
  return Math.min(100, Math.floor(((job.done + job.failed) * 100) / job.total));
}

const UNIT: Record<Job['kind'], string> = { import: '张', watch: '张', scan: '张', export: '项' };

/** One line: what, how far, how long. */
export function jobSummary(job: Job): string {
  const unit = UNIT[job.kind];
  const processed = job.done + job.failed;
  const parts: string[] = [];
  if (job.total !== null) {
    const pct = jobPercent(job);
    parts.push(`${processed} / ${job.total} ${unit}${pct !== null ? `（${pct}%）` : ''}`);
  } else {
    parts.push(`已处理 ${processed} ${unit}`);
  }
  if (job.failed > 0) parts.push(`失败 ${job.failed} ${unit}`);
  if (job.state === 'running') {
    if (job.total !== null) parts.push(`剩余时间 ${formatEta(job.etaSeconds)}`);
  } else {
    parts.push(JOB_STATE_LABELS[job.state]);
  }
  return `${JOB_KIND_LABELS[job.kind]}：${parts.join('，')}`;
}

/** The last part of a path, for listing per-page errors without a wall of folders. */
export function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] || p;
}
