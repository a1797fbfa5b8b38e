/**
 * 导入布局: an existing layout (.xlsx: 库房 | 密集架 | 列 | 节 | 层 | 面 | 宽度(mm) | 容量(卷)) is
 * previewed first — new rooms, units, shelf count and every problem by row — and only then committed.
 */
import { useState } from 'react';
import type { LayoutImportPreview } from '../../../../shared/storageTypes';
import { call } from '../../../api/client';
import { BusyButton } from '../../../components/BusyButton';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { PathInput } from '../../../components/PathInput';
import { useAction } from '../../../hooks/useAction';
import { bytesToBase64 } from '../../../components/documents/documentBytes';

type Source = { file: string } | { base64: string };

export function LayoutImport({ onImported, onClose }: { onImported: (p: LayoutImportPreview) => void; onClose: () => void }) {
  const hasBridge = typeof window !== 'undefined' && window.archiveDesk !== undefined;
  const [path, setPath] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<LayoutImportPreview | null>(null);
  const action = useAction();

  const runPreview = (src: Source) => {
    setSource(src);
    setPreview(null);
    void action.run(async () => setPreview(await call('storage.layoutPreview', src)));
  };

  const pickFile = async (f: File | undefined) => {
    if (!f) return;
    if (!/\.xlsx$/i.test(f.name)) return action.setError(`「${f.name}」不是 .xlsx 文件。请在 Excel 中另存为「Excel 工作簿（*.xlsx）」后再选择。`);
    runPreview({ base64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
  };

  const commit = () => {
    if (!source || !preview) return;
    void action.run(async () => onImported(await call('storage.layoutImport', { ...source, token: preview.token })));
  };

  const blocked = preview !== null && preview.problems.length > 0;
  return (
    <div className="form" data-testid="layout-import">
      <p className="muted">表格每行一层：库房 | 密集架 | 列 | 节 | 层 | 面 | 宽度(mm) | 容量(卷)。宽度与容量填一项即可；表中新出现的库房会一并建立。</p>
      {hasBridge ? (
        <Field label="布局文件" htmlFor="st-layout-path" required>
          <div className="inline-form">
            <PathInput id="st-layout-path" value={path} onChange={setPath} pick="open-file" pickTitle="选择布局文件（.xlsx）" testId="layout-path" />
            <button type="button" className="btn" onClick={() => (path.trim() ? runPreview({ file: path.trim() }) : action.setError('请选择布局文件（.xlsx）。'))} data-testid="layout-preview">
              预览
            </button>
          </div>
        </Field>
      ) : (
        <Field label="布局文件" htmlFor="st-layout-file" required>
          <input id="st-layout-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void pickFile(e.target.files?.[0])} data-testid="layout-file" />
        </Field>
      )}
      <FormError message={action.error} />
      {preview ? (
        <div className="st-layout-preview" data-testid="layout-preview-result">
          <p>
            将建立 {preview.units.filter((u) => u.isNew).length} 个密集架、共 {preview.shelves.toLocaleString('en-US')} 层
            {preview.newRooms.length > 0 ? `，新库房：${preview.newRooms.join('、')}` : ''}。
          </p>
          {preview.units.length > 0 ? (
            <table className="table">
              <thead>
                <tr>
                  <th>库房</th>
                  <th>密集架</th>
                  <th>层数</th>
                  <th>状态</th>
                </tr>
              </thead>
              <tbody>
                {preview.units.map((u) => (
                  <tr key={`${u.room}/${u.name}`}>
                    <td>{u.room}</td>
                    <td>{u.name}</td>
                    <td className="num">{u.shelves}</td>
                    <td>{u.isNew ? '新建' : '已存在'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {blocked ? (
            <div className="form-error" role="alert" data-testid="layout-problems">
              <div>布局文件有 {preview.problems.length} 处问题，改正后重新选择文件再导入：</div>
              <ul>
                {preview.problems.slice(0, 100).map((p, i) => (
                  <li key={i}>
                    {p.row > 0 ? `第 ${p.row} 行：` : ''}
                    {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <BusyButton type="button" primary busy={action.busy} disabled={!preview || blocked} onClick={commit} data-testid="layout-commit">
          导入
        </BusyButton>
        <button type="button" className="btn" onClick={onClose}>
          取消
        </button>
      </div>
    </div>
  );
}
