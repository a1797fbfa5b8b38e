/** Electron: the native multi-file picker, then one import job for everything picked. */
import { errorMessage } from '../../api/client';
import { useWorkbench } from '../../state/digitizationWorkbench';

export async function pickAndImport(insertAt?: number): Promise<void> {
  const bridge = window.archiveDesk;
  if (!bridge) return;
  const wb = useWorkbench.getState();
  try {
    const title = insertAt !== undefined ? `选择重扫的图像（插入到图像 ${insertAt} 之前）` : '选择要导入的扫描图像或 PDF';
    const files = await bridge.pickOpenFiles(title);
    if (files && files.length > 0) await wb.importPaths(files, insertAt);
  } catch (e) {
    wb.setActionError(errorMessage(e));
  }
}
