/**
 * Import in browser mode (no native picker): paths typed or pasted, one per line, read by the
 * service from disk; or files chosen / dropped here, sent to it as uploads.
 */
import { useRef, useState } from 'react';
import { KeyboardForm } from '../../components/KeyboardForm';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/useAction';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { IMPORT_EXTENSIONS, isImportable, parsePathList } from './pathList';
import { FormFooter } from '../../components/FormFooter';

/** Typed paths survive closing the dialog, so a refused import never loses a pasted list. */
let lastPaths = '';

export function ImportDialog({ insertAt, onClose }: { insertAt: number | undefined; onClose: () => void }) {
  const [paths, setPaths] = useState(lastPaths);
  const [over, setOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const action = useAction();
  const list = parsePathList(paths);

  const setText = (t: string) => {
    lastPaths = t;
    setPaths(t);
  };

  const importPaths = () => {
    if (list.length === 0) return action.setError('请填写要导入的文件路径，每行一个；或在下方选择文件。');
    void action.run(async () => {
      await useWorkbench.getState().importPaths(list, insertAt);
      setText('');
      onClose();
    });
  };

  const upload = (files: File[]) => {
    const ok = files.filter((f) => isImportable(f.name));
    const skipped = files.length - ok.length;
    if (ok.length === 0) return action.setError(`只能导入 ${IMPORT_EXTENSIONS.join(' ')} 文件。`);
    void useWorkbench.getState().uploadFiles(ok, insertAt);
    if (skipped > 0) useWorkbench.getState().setActionError(`已跳过 ${skipped} 个不是图像或 PDF 的文件。`);
    onClose();
  };

  return (
    <Modal title={insertAt !== undefined ? `插入重扫：插入到图像 ${insertAt} 之前` : '导入扫描图像'} onClose={onClose} width={640}>
      <KeyboardForm className="form" onSubmit={importPaths} onCancel={onClose}>
        <label htmlFor="import-paths">文件路径（本机上的完整路径，每行一个；JPEG、PNG、TIFF 含多页 TIFF、扫描仪生成的 PDF）</label>
        <textarea
          id="import-paths"
          rows={5}
          className="mono"
          value={paths}
          onChange={(e) => setText(e.target.value)}
          placeholder={'/home/user/扫描/001.jpg\n/home/user/扫描/002.jpg'}
          spellCheck={false}
          data-testid="import-paths"
        />
        <div className="muted dz-small">{list.length > 0 ? `共 ${list.length} 个文件，按所列顺序导入。` : 'Shift+Enter 换行 · Ctrl+Enter 导入'}</div>
        <FormFooter action={action} submitLabel="按路径导入" busyText="正在提交…" submitTestId="import-submit" onCancel={onClose} />
      </KeyboardForm>
      <div
        className={over ? 'dz-dropzone dz-dropzone-over' : 'dz-dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          upload([...e.dataTransfer.files]);
        }}
      >
        <span>或把文件拖到这里，或</span>
        <button type="button" className="btn btn-small" onClick={() => fileInput.current?.click()}>
          选择文件…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={[...IMPORT_EXTENSIONS, 'image/jpeg', 'image/png', 'image/tiff', 'application/pdf'].join(',')}
          hidden
          onChange={(e) => upload([...(e.target.files ?? [])])}
          data-testid="import-files"
        />
      </div>
    </Modal>
  );
}
