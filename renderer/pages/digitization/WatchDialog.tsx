/** 监视文件夹: pages appear as the scanner's own software saves them into a folder. */
import { useState } from 'react';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { PathInput } from '../../components/PathInput';
import { useAction } from '../../hooks/useAction';
import { useWorkbench } from '../../state/digitizationWorkbench';

/** Clerks scan into the same folder all day: remember it for the session. */
let lastDir = '';

export function WatchDialog({ onClose }: { onClose: () => void }) {
  const [dir, setDir] = useState(lastDir);
  const action = useAction();
  const submit = () => {
    if (!dir.trim()) return action.setError('请选择扫描仪保存图像的文件夹。');
    void action.run(async () => {
      await useWorkbench.getState().startWatch(dir.trim());
      lastDir = dir.trim();
      onClose();
    });
  };
  return (
    <FormDialog title="监视文件夹" width={600} onSubmit={submit} onClose={onClose} action={action} submitLabel="开始监视" busyText="正在启动…" submitTestId="watch-start">
      <p className="muted">把扫描仪软件的保存位置设为此文件夹。新保存的图像会按保存顺序自动导入本卷，直到点「停止监视」。</p>
      <Field label="文件夹" htmlFor="watch-dir" required>
        <PathInput id="watch-dir" value={dir} onChange={setDir} pick="folder" pickTitle="选择扫描仪保存图像的文件夹" testId="watch-dir" disabled={action.busy} />
      </Field>
    </FormDialog>
  );
}
