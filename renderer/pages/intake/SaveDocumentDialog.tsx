/** 另存为: writes one stored document, unencrypted, to the path the user chose (picker or typed). */
import { useState } from 'react';
import type { DocumentInfo } from '../../../shared/types';
import { call } from '../../api/client';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { KeyboardForm } from '../../components/KeyboardForm';
import { Modal } from '../../components/Modal';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../hooks/useAction';

export function SaveDocumentDialog({ doc, onClose }: { doc: DocumentInfo; onClose: () => void }) {
  const [to, setTo] = useState('');
  const [written, setWritten] = useState<string | null>(null);
  const action = useAction();
  const submit = () => {
    if (!to.trim()) return action.setError(`请选择或输入保存位置（完整路径，例如 D:\\文书\\${doc.fileName}）。`);
    void action.run(async () => {
      const r = await call('document.export', { id: doc.id, to: to.trim() });
      setWritten(r.file);
    });
  };
  return (
    <Modal title={`另存为：${doc.title}`} onClose={onClose} width={600}>
      <KeyboardForm className="form" onSubmit={submit} onCancel={onClose}>
        <Field label="保存到" htmlFor="doc-save-to" required hint="另存的文件不加密，请保存到单位指定的安全位置。">
          <PathInput id="doc-save-to" value={to} onChange={setTo} pick="save-file" pickTitle="保存文书" defaultName={doc.fileName} placeholder={doc.fileName} testId="document-save-path" />
        </Field>
        <FormError message={action.error} />
        {written ? (
          <div className="notice" data-testid="document-saved">
            已保存：<span className="mono">{written}</span>
          </div>
        ) : null}
        <div className="form-actions">
          {written ? null : (
            <BusyButton type="submit" primary busy={action.busy} data-testid="document-save-submit">
              保存
            </BusyButton>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {written ? '完成' : '取消'}
          </button>
        </div>
      </KeyboardForm>
    </Modal>
  );
}
