/** 核验结果: counts per severity, open/resolved filter, findings by person or by severity, resolve/reopen. */
import { useState } from 'react';
import { FINDING_SOURCES, type FindingSource, type IntakeFinding } from '../../../shared/intakeTypes';
import { call, errorMessage } from '../../api/client';
import { FormError } from '../../components/FormError';
import { useIntakeBatch } from '../../state/intakeBatch';
import { countBySeverity, filterFindings, groupByPerson, groupBySeverity, type FindingFilter } from './findingGroups';
import { FindingList, SOURCE_LABELS } from './FindingList';
import { ResolveDialog } from './ResolveDialog';
import { SeverityChart } from './SeverityChart';

const isOpen = (f: IntakeFinding) => f.state === 'open';
const FILTERS: { key: FindingFilter; label: string }[] = [
  { key: 'open', label: '未处理' },
  { key: 'resolved', label: '已处理' },
  { key: 'all', label: '全部' },
];

export function FindingsStep({ findings, editable }: { findings: IntakeFinding[]; editable: boolean }) {
  const [filter, setFilter] = useState<FindingFilter>('open');
  const [by, setBy] = useState<'person' | 'severity'>('person');
  const [source, setSource] = useState<FindingSource | ''>('');
  const [resolving, setResolving] = useState<IntakeFinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const shown = filterFindings(findings, filter, isOpen).filter((f) => source === '' || f.source === source);
  const groups = by === 'person' ? groupByPerson(shown, isOpen) : groupBySeverity(shown);

  const changed = (list: IntakeFinding[]) => {
    const store = useIntakeBatch.getState();
    for (const f of list) store.findingChanged(f);
    void store.refreshDetail();
    void store.refreshPersons();
  };
  const reopen = async (f: IntakeFinding) => {
    try {
      changed([await call('intake.finding.reopen', { findingId: f.id })]);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="ik-step" data-testid="step-findings">
      <SeverityChart counts={countBySeverity(findings, isOpen)} />
      <div className="toolbar ik-findings-bar">
        <div className="ik-chips" role="group" aria-label="按处理状态筛选">
          {FILTERS.map((x) => (
            <button key={x.key} type="button" className={filter === x.key ? 'ik-filter ik-filter-on' : 'ik-filter'} onClick={() => setFilter(x.key)} data-testid={`finding-filter-${x.key}`}>
              {x.label}
            </button>
          ))}
        </div>
        <label>
          来源
          <select value={source} onChange={(e) => setSource(e.target.value as FindingSource | '')} data-testid="finding-source">
            <option value="">全部</option>
            {FINDING_SOURCES.map((x) => (
              <option key={x} value={x}>
                {SOURCE_LABELS[x]}
              </option>
            ))}
          </select>
        </label>
        <label>
          分组
          <select value={by} onChange={(e) => setBy(e.target.value === 'severity' ? 'severity' : 'person')} data-testid="finding-group-by">
            <option value="person">按人</option>
            <option value="severity">按级别</option>
          </select>
        </label>
      </div>
      <FormError message={error} />
      <FindingList groups={groups} editable={editable} onResolve={setResolving} onReopen={(f) => void reopen(f)} />
      {resolving ? (
        <ResolveDialog
          findings={resolving}
          onClose={() => setResolving(null)}
          onDone={(list) => {
            setResolving(null);
            changed(list);
          }}
        />
      ) : null}
    </div>
  );
}
