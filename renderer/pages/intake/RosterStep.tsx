/**
 * 名册: pick the roster file, preview what was read, confirm the column mapping when the reader was
 * unsure, then import (replacing any earlier roster of this batch).
 */
import { useState } from 'react';
import type { IntakeBatch, RosterColumnMapping, RosterImportResult, RosterPreview } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../hooks/useAction';
import { MappingTable } from './MappingTable';
import { mappingProblems } from './rosterMapping';
import { ProblemList } from './ProblemList';

interface Props {
  batch: IntakeBatch;
  editable: boolean;
  personCount: number;
  onImported: (r: RosterImportResult) => void;
  onNext: () => void;
}

export function RosterStep({ batch, editable, personCount, onImported, onNext }: Props) {
  const [file, setFile] = useState(batch.rosterFile ?? '');
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [mapping, setMapping] = useState<RosterColumnMapping | null>(null);
  /** The desk chose columns itself: the import must use them rather than detect again. */
  const [custom, setCustom] = useState(false);
  /** Changed since the rows below were read: preview again before importing. */
  const [dirty, setDirty] = useState(false);
  const [result, setResult] = useState<RosterImportResult | null>(null);
  const action = useAction();

  const runPreview = (m?: RosterColumnMapping) => {
    if (!file.trim()) return action.setError('请选择名册文件（.xlsx 或 .csv），或输入它的完整路径。');
    void action.run(async () => {
      const p = await call('intake.roster.preview', { batchId: batch.id, file: file.trim(), mapping: m });
      setPreview(p);
      setMapping(p.mapping);
      setCustom(m !== undefined);
      setDirty(false);
      setResult(null);
    });
  };

  const problems = preview && mapping ? mappingProblems(mapping, preview.fieldLabels) : [];
  const runImport = () => {
    if (!preview || !mapping) return;
    if (problems.length > 0) return action.setError(problems.join(' '));
    void action.run(async () => {
      const r = await call('intake.roster.import', { batchId: batch.id, file: file.trim(), mapping: custom ? mapping : undefined });
      setResult(r);
      setPreview(null);
      onImported(r);
    });
  };

  return (
    <div className="ik-step" data-testid="step-roster">
      {batch.rosterFile ? (
        <div className="notice" data-testid="roster-current">
          已导入名册：<span className="mono">{batch.rosterFile}</span>，共 {personCount} 人。{editable ? '重新导入会替换现有名册，并清除上次数字副本核验的结果。' : ''}
        </div>
      ) : null}
      {editable ? (
        <div className="form">
          <Field label="名册文件" htmlFor="roster-file" required hint="移交单位提供的《档案移交名册表》，.xlsx 或 .csv（GBK 编码也可以）。">
            <PathInput id="roster-file" value={file} onChange={setFile} pick="open-file" pickTitle="选择名册文件" placeholder="例如 D:\\移交\\名册.xlsx" testId="roster-file" />
          </Field>
          <div className="form-actions">
            <BusyButton type="button" busy={action.busy && !preview} onClick={() => runPreview()} data-testid="roster-preview">
              读取预览
            </BusyButton>
          </div>
        </div>
      ) : (
        <p className="muted">本批次已{batch.status === 'accepted' ? '接收' : '退回'}，名册不能再更改。</p>
      )}
      <FormError message={action.error} />
      {result ? (
        <div className="ik-ok" role="status" data-testid="roster-imported">
          已导入 {result.rows} 人；名册检查发现问题 {result.findings} 个（错误 {result.errors}，警告 {result.warnings}）。
          <button type="button" className="btn btn-small btn-primary" onClick={onNext} data-testid="roster-next">
            下一步：清点纸质档案 →
          </button>
        </div>
      ) : null}
      {preview && mapping ? (
        <div className="ik-preview" data-testid="roster-preview-result">
          <div className="ik-preview-meta">
            {preview.title.length > 0 ? <div className="ik-preview-title">{preview.title.join(' ')}</div> : null}
            <div>
              {preview.format === 'csv' ? `CSV 文件${preview.encoding ? `（${preview.encoding}）` : ''}` : 'Excel 文件'}，工作表「{mapping.sheet}」，表头第 {mapping.headerRows.first}
              {mapping.headerRows.last !== mapping.headerRows.first ? `–${mapping.headerRows.last}` : ''} 行，共 <b data-testid="roster-row-count">{preview.rowCount}</b> 人。
              {preview.footer.filledBy || preview.footer.date ? ` 填报人：${preview.footer.filledBy || '—'}，联系电话：${preview.footer.phone || '—'}，填报日期：${preview.footer.date || '—'}。` : ''}
            </div>
          </div>
          {preview.ambiguous ? (
            <div className="ik-warn" role="alert" data-testid="roster-ambiguous">
              <b>列的对应关系需要确认：</b>
              <ul>
                {preview.ambiguities.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ul>
              请在下表中核对每一项对应的列，改动后点「按新的对应重新预览」。
            </div>
          ) : null}
          <MappingTable
            preview={preview}
            mapping={mapping}
            disabled={!editable || action.busy}
            onChange={(m) => {
              setMapping(m);
              setDirty(true);
            }}
          />
          <ProblemList problems={problems} />
          <h3>前 {preview.rows.length} 行（按上表对应读取）</h3>
          <div className="table-wrap">
            <table className="table" data-testid="roster-preview-rows">
              <thead>
                <tr>
                  <th>行号</th>
                  <th>姓名</th>
                  <th>身份证号</th>
                  <th>乡镇（街道）</th>
                  <th>社区</th>
                  <th>卷数</th>
                  <th>页数</th>
                  <th>备注</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.name}</td>
                    <td className="mono">{r.idNumber}</td>
                    <td>{r.town}</td>
                    <td>{r.community}</td>
                    <td>{r.volumes}</td>
                    <td>{r.pages}</td>
                    <td>{r.remarks}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            {dirty ? (
              <BusyButton type="button" busy={action.busy} onClick={() => runPreview(mapping)} data-testid="roster-repreview">
                按新的对应重新预览
              </BusyButton>
            ) : null}
            <BusyButton type="button" primary busy={action.busy} disabled={problems.length > 0 || dirty} title={dirty ? '列的对应已改动，请先重新预览核对' : undefined} onClick={runImport} data-testid="roster-import">
              {preview.ambiguous ? '确认对应并导入' : '导入名册'}
            </BusyButton>
          </div>
        </div>
      ) : null}
    </div>
  );
}
