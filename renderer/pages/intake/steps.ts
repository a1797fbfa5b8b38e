/** The batch workspace's steps, which apply in which status, and where to land when a batch opens. */
import type { IntakeBatchDetail, IntakeBatchStatus } from '../../../shared/intakeTypes';

export type Step = 'roster' | 'desk' | 'check' | 'findings' | 'files' | 'documents';

export const STEP_LABELS: Record<Step, string> = {
  roster: '名册',
  desk: '清点',
  check: '数字副本核验',
  findings: '核验结果与决定',
  files: '案卷目录',
  documents: '文书',
};

export function stepsFor(status: IntakeBatchStatus): Step[] {
  const base: Step[] = ['roster', 'desk', 'check', 'findings'];
  if (status === 'accepted') return [...base, 'files', 'documents'];
  if (status === 'returned') return [...base, 'documents'];
  return base;
}

/** The first thing still to do: import the roster, count, check, decide; a closed batch shows its result. */
export function firstStep(d: Pick<IntakeBatchDetail, 'batch' | 'counts'>): Step {
  if (d.batch.status === 'accepted') return 'files';
  if (d.batch.status === 'returned') return 'documents';
  if (d.counts.persons === 0) return 'roster';
  if (d.counts.deskCounted < d.counts.persons) return 'desk';
  if (d.batch.packageDir === null) return 'check';
  return 'findings';
}
