/** 文书: the documents generated for one batch (receipt, inspection report, 案卷目录…): open, print, save as. */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentInfo } from '../../../shared/types';
import { call, errorMessage } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { formatBytes, formatDateTime } from '../../lib/format';
import { DocumentDialog } from '../../components/documents/DocumentDialog';
import { download, isPdf } from '../../components/documents/documentBytes';
import { ProblemList } from './ProblemList';

interface Props {
  refEntity: string;
  refId: number;
  /** Bumped by the caller after something generated documents. */
  version: number;
  /** Generates missing documents again (e.g. the templates were unfinished at acceptance). */
  onRegenerate?: () => Promise<string[]>;
}

export function DocumentsPanel({ refEntity, refId, version, onRegenerate }: Props) {
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The document open in the viewer; `save` when it was opened to save a copy (另存为). */
  const [open, setOpen] = useState<{ id: number; save: boolean } | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const load = useCallback(async () => {
    try {
      setDocs(await call('document.list', { refEntity, refId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [refEntity, refId]);

  useEffect(() => {
    void load();
  }, [load, version]);

  /** PDFs open in the viewer (print from there); a spreadsheet is saved or downloaded to open in Excel. */
  const openDoc = (d: DocumentInfo) => {
    if (isPdf(d.mime)) setOpen({ id: d.id, save: false });
    else if (window.archiveDesk) setOpen({ id: d.id, save: true });
    else void fetchAndDownload(d);
  };

  const fetchAndDownload = async (d: DocumentInfo) => {
    try {
      const { base64, info } = await call('document.get', { id: d.id });
      download(base64, info.mime, info.fileName);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const regenerate = async () => {
    if (!onRegenerate) return;
    setRegenerating(true);
    try {
      setProblems(await onRegenerate());
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRegenerating(false);
    }
  };

  return (
    <div className="ik-docs" data-testid="intake-documents">
      <div className="toolbar">
        <button type="button" className="btn btn-small" onClick={() => void load()} data-testid="documents-refresh">
          刷新
        </button>
        {onRegenerate ? (
          <BusyButton type="button" className="btn-small" busy={regenerating} onClick={() => void regenerate()} title="补生成缺少的文书（已有的不会重复生成）" data-testid="documents-regenerate">
            补生成缺少的文书
          </BusyButton>
        ) : null}
      </div>
      <FormError message={error} />
      <ProblemList problems={problems} />
      <div className="table-wrap">
        <table className="table" data-testid="document-table">
          <thead>
            <tr>
              <th>文书</th>
              <th>文件名</th>
              <th>大小</th>
              <th>生成时间</th>
              <th>生成人</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {(docs ?? []).map((d) => (
              <tr key={d.id} data-testid="document-row" data-kind={d.kind}>
                <td>{d.title}</td>
                <td className="mono">{d.fileName}</td>
                <td>{formatBytes(d.bytes)}</td>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>{d.createdBy}</td>
                <td className="ik-row-actions">
                  <button type="button" className="btn btn-small" onClick={() => openDoc(d)} title={isPdf(d.mime) ? '预览并打印（重印）' : '保存后用表格软件打开'} data-testid="document-open">
                    {isPdf(d.mime) ? '打开 / 打印' : '打开'}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setOpen({ id: d.id, save: true })} data-testid="document-save">
                    另存为…
                  </button>
                  {window.archiveDesk ? null : (
                    <button type="button" className="btn btn-small" onClick={() => void fetchAndDownload(d)} data-testid="document-download">
                      下载
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {docs !== null && docs.length === 0 ? (
              <tr className="table-empty">
                <td colSpan={6}>本批次还没有文书。接收或退回后会生成回执、检验报告和案卷目录。</td>
              </tr>
            ) : null}
            {docs === null && !error ? (
              <tr className="table-empty">
                <td colSpan={6}>正在读取…</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {open ? <DocumentDialog key={open.id} documentId={open.id} focusSave={open.save} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
