/**
 * A generated PDF (move list, labels, stocktake report) on screen: preview, print, download in
 * browser mode, and 另存为 through document.export (the only plaintext copy, where the user chose).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentInfo } from '../../../shared/types';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../hooks/useAction';
import { base64ToBytes, safeFileName } from './bytes';

export function DocumentViewer({ documentId, onClose }: { documentId: number; onClose: () => void }) {
  const [doc, setDoc] = useState<{ info: DocumentInfo; base64: string } | null>(null);
  const [path, setPath] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const load = useAction();
  const save = useAction();

  const loadRun = load.run;
  useEffect(() => {
    void loadRun(async () => setDoc(await call('document.get', { id: documentId })));
  }, [documentId, loadRun]);

  const url = useMemo(() => {
    if (!doc) return null;
    const bytes = base64ToBytes(doc.base64);
    return URL.createObjectURL(new Blob([bytes.buffer as ArrayBuffer], { type: doc.info.mime }));
  }, [doc]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  // The dialog opened before the bytes arrived: put focus in it so Enter prints and Esc closes.
  useEffect(() => {
    if (url) printButton.current?.focus();
  }, [url]);

  const print = () => {
    try {
      frame.current?.contentWindow?.print();
    } catch {
      save.setError('无法直接打印此文档，请点击预览中的打印按钮，或下载后打印。');
    }
  };

  const exportTo = () => {
    if (!path.trim()) return save.setError('请填写保存位置（含文件名）。另存的文件不加密，请选择安全的位置。');
    void save.run(async () => setSaved((await call('document.export', { id: documentId, to: path.trim() })).file));
  };

  const isPdf = doc?.info.mime === 'application/pdf';
  return (
    <Modal title={doc ? doc.info.title : '正在打开文档…'} onClose={onClose} width={900}>
      <FormError message={load.error} />
      {doc && url ? (
        <div className="st-doc" data-testid="storage-document" data-document-id={documentId}>
          {isPdf ? <iframe ref={frame} className="st-doc-frame" src={url} title={doc.info.title} data-testid="storage-document-frame" /> : <p className="muted">此文档（{doc.info.fileName}）不能在程序内预览，请下载或另存后打开。</p>}
          <div className="form-actions">
            {isPdf ? (
              <button ref={printButton} type="button" className="btn" onClick={print} data-testid="storage-document-print">
                打印
              </button>
            ) : null}
            <a className="btn" href={url} download={safeFileName(doc.info.fileName)} data-testid="storage-document-download">
              下载
            </a>
          </div>
          <Field label="另存为" htmlFor="st-doc-path" hint="另存的文件不加密，只应保存到单位指定的安全位置。">
            <PathInput id="st-doc-path" value={path} onChange={setPath} pick="save-file" pickTitle="保存文档" defaultName={safeFileName(doc.info.fileName)} placeholder={`例如 D:\\档案\\${safeFileName(doc.info.fileName)}`} testId="storage-document-path" />
          </Field>
          <FormError message={save.error} />
          {saved ? (
            <div className="notice" data-testid="storage-document-saved">
              已保存到 <span className="mono">{saved}</span>
            </div>
          ) : null}
          <div className="form-actions">
            <BusyButton type="button" primary busy={save.busy} onClick={exportTo} data-testid="storage-document-save">
              保存
            </BusyButton>
            <button type="button" className="btn" onClick={onClose}>
              关闭
            </button>
          </div>
        </div>
      ) : load.busy ? (
        <p className="muted">正在打开…</p>
      ) : null}
    </Modal>
  );
}
