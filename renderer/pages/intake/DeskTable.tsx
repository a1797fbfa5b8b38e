/** The desk-count table: every roster person, roster vs counted figures, mismatches highlighted. */
import { lineState, mismatchText, type DeskPerson } from './deskTotals';

interface Props {
  persons: DeskPerson[];
  readOnly: boolean;
  onPick: (p: DeskPerson) => void;
  onClear: (p: DeskPerson) => void;
}

export function DeskTable({ persons, readOnly, onPick, onClear }: Props) {
  return (
    <div className="table-wrap">
      <table className="table table-clickable" data-testid="desk-table">
        <thead>
          <tr>
            <th>姓名</th>
            <th>身份证号</th>
            <th>名册卷数</th>
            <th>实点卷数</th>
            <th>名册页数</th>
            <th>实点页数</th>
            <th>书面说明</th>
            {readOnly ? null : <th />}
          </tr>
        </thead>
        <tbody>
          {persons.map((p) => {
            const state = lineState(p);
            return (
              <tr
                key={p.key}
                className={state === 'mismatch' ? 'ik-row-bad' : state === 'ok' ? 'ik-row-ok' : undefined}
                data-testid="desk-row"
                data-state={state}
                tabIndex={0}
                title={mismatchText(p) ?? undefined}
                onClick={() => (readOnly ? undefined : onPick(p))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !readOnly) onPick(p);
                }}
              >
                <td>{p.name}</td>
                <td className="mono">{p.idNumber}</td>
                <td>{p.rosterVolumes ?? '—'}</td>
                <td>{p.countedVolumes ?? '未点'}</td>
                <td>{p.rosterPages ?? '—'}</td>
                <td>{p.countedPages ?? '未点'}</td>
                <td>{p.note}</td>
                {readOnly ? null : (
                  <td>
                    {p.countedVolumes !== null ? (
                      <button
                        type="button"
                        className="btn btn-small"
                        title="清除这次清点（记错时用），此人恢复为未点"
                        onClick={(e) => {
                          e.stopPropagation();
                          onClear(p);
                        }}
                        data-testid="desk-clear"
                      >
                        清除
                      </button>
                    ) : null}
                  </td>
                )}
              </tr>
            );
          })}
          {persons.length === 0 ? (
            <tr className="table-empty">
              <td colSpan={readOnly ? 7 : 8}>请先在「名册」中导入名册。</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
