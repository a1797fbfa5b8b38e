/**
 * One stored document (PDF or .xlsx) on screen, for every area: a PDF is previewed in the built-in
 * viewer (an iframe, so it also works in the desktop window, which opens no new windows) and
 * printed from there; any document can be downloaded in browser mode and saved with
 * document.export (the only plaintext copy, written where the user asked).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentInfo } from '../../../shared/types';
import { call } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { BusyButton } from '../BusyButton';
import { Field } from '../Field';
import { FormError } from '../FormError';
import { PathInput } from '../PathInput';
import { base64ToBytes, isPdf, safeFileName } from './documentBytes';
import './documents.css';

interface Props {
  documentId: number;
  onTitle?: (title: string) => void;
  onClose?: () => void;
  /** Opened to save a copy: the path field gets focus instead of 打印. */
  focusSave?: boolean;
}

export function DocumentView({ documentId, onTitle, onClose, focusSave }: Props) {
  const [doc, setDoc] = useState<{ info: DocumentInfo; base64: string } | null>(null);
  const [path, setPath] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const onTitleRef = useRef(onTitle);
  const load = useAction();
  const save = useAction();

  const loadRun = load.run;
  useEffect(() => {
    void loadRun(async () => {
      const d = await call('document.get', { id: documentId });
      setDoc(d);
      onTitleRef.current?.(d.info.title);
    });
  }, [documentId, loadRun]);

  const url = useMemo(() => (doc ? URL.createObjectURL(new Blob([base64ToBytes(doc.base64)], { type: doc.info.mime })) : null), [doc]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  // The bytes arrive after the dialog opened: put focus in it so Enter prints (or types the path) and Esc closes.
  useEffect(() => {
    if (!url) return;
    if (focusSave) document.getElementById('document-save-path')?.focus();
    else printButton.current?.focus();
  }, [url, focusSave]);

  const print = () => {
    try {
      frame.current?.contentWindow?.print();
    } catch {
      save.setError('无法直接打印：请点击预览中的打印按钮，或下载后打印。');
    }
  };

  const exportTo = () => {
    if (!path.trim()) return save.setError('请填写保存位置（含文件名）。另存的文件不加密，请选择安全的位置。');
    void save.run(async () => setSaved((await call('document.export', { id: documentId, to: path.trim() })).file));
  };

  if (!doc || !url) return <>{load.busy ? <p className="muted">正在打开…</p> : <FormError message={load.error} />}</>;
  const pdf = isPdf(doc.info.mime);
  const fileName = safeFileName(doc.info.fileName);
  return (
    <div className="doc-view" data-testid="document-dialog" data-document-id={documentId}>
      {pdf ? <iframe ref={frame} className="doc-frame" src={url} title={doc.info.title} data-testid="document-frame" /> : <p className="muted">此文档（{doc.info.fileName}）不能在程序内预览，请下载或另存后用相应软件打开。</p>}
      <div className="form-actions">
        {pdf ? (
          <button ref={printButton} type="button" className="btn" onClick={print} data-testid="document-print">
            打印
          </button>
        ) : null}
        <a className="btn" href={url} download={fileName} data-testid="document-download">
          下载
        </a>
        {pdf && !window.archiveDesk ? (
          <a className="btn" href={url} target="_blank" rel="noopener noreferrer">
            在新标签页打开
          </a>
        ) : null}
        <span className="muted mono" title="SHA-256">
          {doc.info.fileName} · SHA-256 {doc.info.sha256.slice(0, 16)}…
        </span>
      </div>
      <Field label="另存为" htmlFor="document-save-path" hint="另存的文件不加密，只应保存到单位指定的安全位置。">
        <PathInput id="document-save-path" value={path} onChange={setPath} pick="save-file" pickTitle="保存文档" defaultName={fileName} placeholder={`例如 D:\\档案\\${fileName}`} testId="document-save-path" />
      </Field>
      <FormError message={save.error} />
      {saved ? (
        <div className="notice" data-testid="document-saved">
          已保存到 <span className="mono">{saved}</span>
        </div>
      ) : null}
      <div className="form-actions">
        <BusyButton type="button" primary busy={save.busy} onClick={exportTo} data-testid="document-save-submit">
          保存
        </BusyButton>
        {onClose ? (
          <button type="button" className="btn" onClick={onClose} data-testid="document-close">
            关闭
          </button>
        ) : null}
      </div>
    </div>
  );
}
