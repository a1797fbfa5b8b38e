/**
 * One generated document (审批表, 登记簿, 催还函, 转递通知单…) on screen: shown in the built-in PDF
 * viewer (its print button prints), downloadable in browser mode, and saved to a chosen path with
 * document.export (the only plaintext copy, written where the user asked).
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
import { base64ToBytes, safeFileName } from './documentBytes';

export function DocumentDialog({ documentId, onClose }: { documentId: number; onClose: () => void }) {
  const [title, setTitle] = useState('正在打开文档…');
  return (
    <Modal title={title} onClose={onClose} width={900}>
      <DocumentView documentId={documentId} onTitle={setTitle} onClose={onClose} />
    </Modal>
  );
}

/** The document itself, for a dialog or inline on a page (the register). */
export function DocumentView({ documentId, onTitle, onClose }: { documentId: number; onTitle?: (t: string) => void; onClose?: () => void }) {
  const [doc, setDoc] = useState<{ info: DocumentInfo; base64: string } | null>(null);
  const [path, setPath] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const load = useAction();
  const save = useAction();

  const loadRun = load.run;
  const onTitleRef = useRef(onTitle);
  const frame = useRef<HTMLIFrameElement>(null);
  const print = () => {
    try {
      frame.current?.contentWindow?.print();
    } catch {
      save.setError('无法直接打印：请点击预览中的打印按钮，或下载后打印。');
    }
  };
  useEffect(() => {
    void loadRun(async () => {
      const d = await call('document.get', { id: documentId });
      setDoc(d);
      onTitleRef.current?.(d.info.title);
    });
  }, [documentId, loadRun]);

  const url = useMemo(() => {
    if (!doc) return null;
    const bytes = base64ToBytes(doc.base64);
    return URL.createObjectURL(new Blob([bytes.buffer as ArrayBuffer], { type: doc.info.mime }));
  }, [doc]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  const exportTo = () => {
    if (!path.trim()) return save.setError('请填写保存位置（含文件名）。保存的文件不加密，请选择安全的位置。');
    void save.run(async () => {
      const r = await call('document.export', { id: documentId, to: path.trim() });
      setSaved(r.file);
    });
  };

  const isPdf = doc?.info.mime === 'application/pdf';
  return (
    <>
      <FormError message={load.error} />
      {doc && url ? (
        <div className="ld-doc" data-testid="document-dialog" data-document-id={documentId}>
          {isPdf ? (
            <iframe ref={frame} className="ld-doc-frame" src={url} title={doc.info.title} data-testid="document-frame" />
          ) : (
            <p className="muted">此文档（{doc.info.fileName}）不能在程序内预览，请下载或另存后用表格软件打开。</p>
          )}
          <div className="form-actions">
            <a className="btn" href={url} download={safeFileName(doc.info.fileName)} data-testid="document-download">
              下载
            </a>
            {isPdf ? (
              <button type="button" className="btn" onClick={print} data-testid="document-print">
                打印
              </button>
            ) : null}
          </div>
          <Field label="另存为" htmlFor="document-save-path" hint="另存的文件不加密，只应保存到单位指定的安全位置。">
            <PathInput
              id="document-save-path"
              value={path}
              onChange={setPath}
              pick="save-file"
              pickTitle="保存文档"
              defaultName={safeFileName(doc.info.fileName)}
              placeholder={`例如 D:\\档案\\${safeFileName(doc.info.fileName)}`}
              testId="document-save-path"
            />
          </Field>
          <FormError message={save.error} />
          {saved ? (
            <div className="notice" data-testid="document-saved">
              已保存到 <span className="mono">{saved}</span>
            </div>
          ) : null}
          <div className="form-actions">
            <BusyButton type="button" primary busy={save.busy} onClick={exportTo} data-testid="document-save">
              保存
            </BusyButton>
            {onClose ? (
              <button type="button" className="btn" onClick={onClose} data-testid="document-close">
                关闭
              </button>
            ) : null}
          </div>
        </div>
      ) : load.busy ? (
        <p className="muted">正在打开…</p>
      ) : null}
    </>
  );
}
