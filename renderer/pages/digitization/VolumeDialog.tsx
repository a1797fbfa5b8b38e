/** 修改卷信息: the class scheme and the archive number (档号), which names the exported images. */
import { useState } from 'react';
import { call } from '../../api/client';
import { SCHEME_LABELS, type ClassScheme } from '../../../shared/archiveClasses';
import type { Volume } from '../../../shared/types';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useAction } from '../../hooks/useAction';
import { useDigitize } from '../../state/digitizationStore';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { toast } from '../../state/toastStore';

export function VolumeDialog({ volume, onClose }: { volume: Volume; onClose: () => void }) {
  const [scheme, setScheme] = useState<ClassScheme>(volume.scheme);
  const [archiveNo, setArchiveNo] = useState(volume.archiveNo ?? '');
  const action = useAction();
  const accepted = volume.status === 'accepted';
  const submit = () =>
    void action.run(async () => {
      const v = await call('volume.update', { id: volume.id, ...(accepted ? {} : { scheme }), archiveNo: archiveNo.trim() || null });
      useWorkbench.getState().volumeChanged(v);
      useDigitize.getState().volumeSaved(v);
      void useWorkbench.getState().refreshItems(); // 序号 depend on the scheme's classes
      toast('已保存卷信息');
      onClose();
    });
  return (
    <FormDialog title={`修改第 ${volume.volumeNo} 卷`} width={560} onSubmit={submit} onClose={onClose} action={action} submitLabel="保存" busyText="正在保存…">
      <Field label="类别方案" htmlFor="volume-edit-scheme" hint={accepted ? '已验收的卷不能更换类别方案。' : '已编目录的类别须在新方案中存在。'}>
        <select id="volume-edit-scheme" value={scheme} onChange={(e) => setScheme(e.target.value as ClassScheme)} disabled={accepted}>
          {(Object.keys(SCHEME_LABELS) as ClassScheme[]).map((k) => (
            <option key={k} value={k}>
              {SCHEME_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="档号" htmlFor="volume-edit-archive" hint="导出的图像按档号 + 页序命名。">
        <input id="volume-edit-archive" className="mono" value={archiveNo} onChange={(e) => setArchiveNo(e.target.value)} maxLength={40} autoComplete="off" />
      </Field>
    </FormDialog>
  );
}
