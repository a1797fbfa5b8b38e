/**
 * Finds held files by name, ID number or archive number. A scanner types the archive number and
 * Enter: an exact match is added at once and the box is cleared and keeps focus for the next scan;
 * otherwise the matches are listed to pick from.
 */
import { useRef, useState } from 'react';
import type { LendableFile } from '../../../shared/lendingTypes';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { ScanInput } from '../../components/ScanInput';
import { useAction } from '../../hooks/useAction';
import { FILE_STATUS_LABELS } from './fileStatus';
import { exactMatch } from './scanInput';

export function FilePicker({ chosen, onAdd }: { chosen: string[]; onAdd: (f: LendableFile) => void }) {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<LendableFile[] | null>(null);
  const box = useRef<HTMLInputElement>(null);
  const action = useAction();

  const add = (f: LendableFile) => {
    if (chosen.includes(f.archiveNo)) {
      action.setError(`档案 ${f.archiveNo}（${f.name}）已在本申请中。`);
      return;
    }
    onAdd(f);
    action.setError(null);
    setQuery('');
    setRows(null);
    box.current?.focus();
  };

  const search = () => {
    const q = query.trim();
    if (!q) return action.setError('请输入姓名、身份证号或档号，或直接扫描档号。');
    void action.run(async () => {
      const found = await call('lending.findFile', { query: q, limit: 20 });
      const exact = exactMatch(found, q);
      if (exact) return add(exact);
      setRows(found);
      if (found.length === 0) action.setError(`没有找到「${q}」对应的在库档案，请核对姓名、身份证号或档号。`);
    });
  };

  return (
    <div className="ld-file-picker">
      <ScanInput
        ref={box}
        type="search"
        className="search-input"
        placeholder="姓名、身份证号或档号（可扫码）后回车"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onScan={search}
        data-testid="ld-file-search"
        aria-label="查找档案"
      />
      <FormError message={action.error} />
      {rows && rows.length > 0 ? (
        <table className="table table-clickable ld-file-results" data-testid="ld-file-results">
          <thead>
            <tr>
              <th>档号</th>
              <th>姓名</th>
              <th>身份证号</th>
              <th>社区</th>
              <th>卷数</th>
              <th>状态</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.fileId} onClick={() => add(f)}>
                <td className="mono">{f.archiveNo}</td>
                <td>{f.name}</td>
                <td className="mono">{f.idNumber}</td>
                <td>{f.community}</td>
                <td>{f.volumes}</td>
                <td>{FILE_STATUS_LABELS[f.status]}</td>
                <td>
                  <button type="button" className="btn btn-small" data-testid={`ld-file-add-${f.archiveNo}`}>
                    加入
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
