/** Findings in groups (by person or by severity): each with its place, state, and 处理 / 重新打开. */
import type { IntakeFinding } from '../../../shared/intakeTypes';
import { findingPlace, SEVERITY_LABELS } from './findingGroups';

interface Group {
  key: string;
  title: string;
  findings: IntakeFinding[];
}

interface Props {
  groups: Group[];
  editable: boolean;
  onResolve: (findings: IntakeFinding[]) => void;
  onReopen: (f: IntakeFinding) => void;
}

export const SOURCE_LABELS: Record<IntakeFinding['source'], string> = { roster: '名册', desk: '清点', digital: '数字副本' };

export function FindingList({ groups, editable, onResolve, onReopen }: Props) {
  if (groups.length === 0) return <p className="muted ik-empty" data-testid="findings-empty">没有符合条件的问题。</p>;
  return (
    <div className="ik-groups" data-testid="finding-groups">
      {groups.map((g) => {
        const open = g.findings.filter((f) => f.state === 'open');
        return (
          <section key={g.key} className="ik-group" data-testid="finding-group" data-key={g.key}>
            <header className="ik-group-head">
              <span className="ik-group-title">{g.title}</span>
              <span className="muted">
                {g.findings.length} 个问题，未处理 {open.length} 个
              </span>
              {editable && open.length > 1 ? (
                <button type="button" className="btn btn-small" onClick={() => onResolve(open)} data-testid="finding-resolve-group">
                  全部处理…
                </button>
              ) : null}
            </header>
            <ul className="ik-findings">
              {g.findings.map((f) => (
                <li key={f.id} className={`ik-finding ik-finding-${f.severity} ik-finding-${f.state}`} data-testid="finding" data-code={f.code} data-state={f.state}>
                  <span className={`ik-sev ik-sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
                  <div className="ik-finding-body">
                    <div>{f.message}</div>
                    <div className="muted ik-finding-meta">
                      <span className="mono">{f.code}</span> · {SOURCE_LABELS[f.source]}
                      {findingPlace(f) ? ` · ${findingPlace(f)}` : ''}
                    </div>
                    {f.state === 'resolved' ? (
                      <div className="ik-resolution" data-testid="finding-resolution">
                        已处理：{f.resolution}
                        {f.resolvedBy ? `（${f.resolvedBy}）` : ''}
                      </div>
                    ) : null}
                  </div>
                  {editable ? (
                    f.state === 'open' ? (
                      <button type="button" className="btn btn-small" onClick={() => onResolve([f])} data-testid="finding-resolve">
                        处理…
                      </button>
                    ) : (
                      <button type="button" className="btn btn-small" onClick={() => onReopen(f)} data-testid="finding-reopen">
                        重新打开
                      </button>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
