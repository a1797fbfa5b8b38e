/** An intake job's progress line, in the same words as the digitization jobs. */
import type { IntakeJob } from '../../../shared/intakeTypes';
import { formatEta } from '../digitization/jobProgress';

const KIND: Record<IntakeJob['kind'], string> = { check: '数字副本核验', 'import-copies': '导入数字副本' };
const STATE: Record<IntakeJob['state'], string> = { running: '进行中', done: '已完成', failed: '失败', cancelled: '已停止' };

export function intakeJobPercent(job: Pick<IntakeJob, 'done' | 'failed' | 'total' | 'state'>): number | null {
  if (job.state === 'done') return 100;
  if (job.total === null || job.total <= 0) return null;
  return Math.min(100, Math.floor(((job.done + job.failed) * 100) / job.total));
}

export function intakeJobSummary(job: IntakeJob): string {
  const parts: string[] = [];
  if (job.phase) parts.push(job.phase);
  const processed = job.done + job.failed;
  if (job.total !== null) {
    const pct = intakeJobPercent(job);
    parts.push(`${processed} / ${job.total}${pct !== null ? `（${pct}%）` : ''}`);
  } else if (processed > 0) {
    parts.push(`已处理 ${processed}`);
  }
  if (job.failed > 0) parts.push(`失败 ${job.failed}`);
  parts.push(job.state === 'running' ? `剩余时间 ${formatEta(job.etaSeconds)}` : STATE[job.state]);
  return `${KIND[job.kind]}：${parts.join('，')}`;
}
