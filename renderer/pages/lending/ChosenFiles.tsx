/** The files on a request, each optionally narrowed to volumes, classes or items. */
import { FILE_STATUS_LABELS } from './fileStatus';
import type { FileChoice } from './requestDraft';

export function ChosenFiles({ files, onChange }: { files: FileChoice[]; onChange: (files: FileChoice[]) => void }) {
  if (files.length === 0) return <p className="muted">尚未选择档案。</p>;
  const update = (no: string, patch: Partial<FileChoice>) => onChange(files.map((f) => (f.file.archiveNo === no ? { ...f, ...patch } : f)));
  return (
    <table className="table ld-chosen" data-testid="ld-chosen-files">
      <thead>
        <tr>
          <th>档号</th>
          <th>姓名</th>
          <th>卷（空 = 全部）</th>
          <th>类别（不选 = 全部）</th>
          <th>材料序号</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {files.map((f) => {
          const no = f.file.archiveNo;
          return (
            <tr key={no} data-testid={`ld-chosen-${no}`}>
              <td className="mono">{no}</td>
              <td>
                {f.file.name}
                {f.file.status !== 'held' ? <span className="ld-warn">（{FILE_STATUS_LABELS[f.file.status]}）</span> : null}
              </td>
              <td>
                <input
                  className="narrow-input"
                  value={f.volumes}
                  onChange={(e) => update(no, { volumes: e.target.value })}
                  placeholder={`共 ${f.file.volumes} 卷`}
                  aria-label={`${no} 的卷号`}
                />
              </td>
              <td className="ld-classes">
                {f.file.classes.length === 0 ? (
                  <span className="muted">未编目</span>
                ) : (
                  f.file.classes.map((c) => (
                    <label key={c} className="checkbox checkbox-small">
                      <input
                        type="checkbox"
                        checked={f.classes.includes(c)}
                        onChange={(e) => update(no, { classes: e.target.checked ? [...f.classes, c] : f.classes.filter((x) => x !== c) })}
                      />
                      {c}
                    </label>
                  ))
                )}
              </td>
              <td>
                <input value={f.items} onChange={(e) => update(no, { items: e.target.value })} placeholder="如 4-1-3" aria-label={`${no} 的材料序号`} />
              </td>
              <td>
                <button type="button" className="btn btn-link" onClick={() => onChange(files.filter((x) => x.file.archiveNo !== no))}>
                  移除
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
