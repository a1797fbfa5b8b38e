/**
 * A stored PDF on screen in the built-in viewer (an iframe, so it also works in the desktop window,
 * which opens no new windows): 打印 prints it, 另存为 writes a plaintext copy where the user chose,
 * and in browser mode it can also open in its own tab or be downloaded.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentInfo } from '../../../shared/types';
import { call, errorMessage } from '../../api/client';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { base64ToBytes, download } from './documentFile';

interface Props {
  doc: DocumentInfo;
  onSaveAs: () => void;
  onClose: () => void;
}

export function DocumentViewer({ doc, onSaveAs, onClose }: Props) {
  const [loaded, setLoaded] = useState<{ base64: string; mime: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let gone = false;
    call('document.get', { id: doc.id }).then(
      (d) => {
        if (!gone) setLoaded({ base64: d.base64, mime: d.info.mime });
      },
      (e: unknown) => {
        if (!gone) setError(errorMessage(e));
      },
    );
    return () => {
      gone = true;
    };
  }, [doc.id]);

  const url = useMemo(() => (loaded ? URL.createObjectURL(new Blob([base64ToBytes(loaded.base64)], { type: loaded.mime })) : null), [loaded]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  const print = () => {
    try {
      frame.current?.contentWindow?.print();
    } catch {
      setError('无法直接打印：请使用预览工具栏中的打印按钮，或另存为后打印。');
    }
  };
  const browser = !window.archiveDesk;
  return (
    <Modal title={doc.title} onClose={onClose} width={920}>
      <div className="ik-viewer" data-testid="document-viewer">
        <div className="toolbar">
          <button type="button" className="btn btn-primary btn-small" disabled={!url} onClick={print} data-testid="document-print">
            打印
          </button>
          <button type="button" className="btn btn-small" onClick={onSaveAs}>
            另存为…
          </button>
          {browser && url ? (
            <>
              <a className="btn btn-small" href={url} target="_blank" rel="noopener noreferrer">
                在新标签页打开
              </a>
              <button type="button" className="btn btn-small" onClick={() => loaded && download(loaded.base64, loaded.mime, doc.fileName)}>
                下载
              </button>
            </>
          ) : null}
          <span className="muted mono" title="SHA-256">
            {doc.fileName} · SHA-256 {doc.sha256.slice(0, 16)}…
          </span>
        </div>
        <FormError message={error} />
        {url ? <iframe ref={frame} className="ik-viewer-frame" src={url} title={doc.title} data-testid="document-frame" /> : error ? null : <p className="muted">正在打开…</p>}
      </div>
    </Modal>
  );
}
