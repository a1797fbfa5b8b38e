/**
 * The IPC entry points. Every handler first checks that the message comes from a frame showing our
 * own app:// page; anything else (a stray page, a devtools-injected frame) is refused.
 */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CoreHost } from '../services/core/host';
import type { Result } from '../../shared/errors';
import { CALL_CHANNEL, DIALOG_CHANNELS } from '../preload/channels';
import { isAppUrl } from './appProtocol';

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的请求。请关闭其他窗口后重试。' },
};

function fromOurApp(event: IpcMainInvokeEvent): boolean {
  return isAppUrl(event.senderFrame?.url);
}

function text(x: unknown, fallback: string): string {
  return typeof x === 'string' && x.length <= 500 ? x : fallback;
}

export function sessionIdFor(webContentsId: number): string {
  return `wc-${webContentsId}`;
}

export function registerIpc(host: CoreHost): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, payload: unknown): Promise<Result<unknown>> => {
    if (!fromOurApp(event)) return REFUSED;
    if (typeof method !== 'string') return { ok: false, error: { code: 'VALIDATION', message: '请求缺少方法名，请刷新页面后重试。' } };
    return host.call(sessionIdFor(event.sender.id), method, payload ?? {});
  });

  ipcMain.handle(DIALOG_CHANNELS.pickFolder, async (event, title: unknown) => {
    if (!fromOurApp(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = { title: text(title, '选择文件夹'), properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });

  ipcMain.handle(DIALOG_CHANNELS.pickSaveFile, async (event, title: unknown, defaultName: unknown) => {
    if (!fromOurApp(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = { title: text(title, '保存文件'), defaultPath: text(defaultName, '') };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled ? null : (r.filePath ?? null);
  });

  ipcMain.handle(DIALOG_CHANNELS.pickOpenFile, async (event, title: unknown) => {
    if (!fromOurApp(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = { title: text(title, '选择文件'), properties: ['openFile'] as 'openFile'[] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });

  ipcMain.handle(DIALOG_CHANNELS.pickOpenFiles, async (event, title: unknown) => {
    if (!fromOurApp(event)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: text(title, '选择文件'),
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [
        { name: '扫描图像和 PDF', extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'pdf'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
  });
}
