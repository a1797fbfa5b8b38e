/**
 * Runs in the sandboxed preload of every window: exposes window.archiveDesk (shared/bridge.ts) and
 * nothing else. The renderer never sees ipcRenderer itself, only these fixed channels.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ArchiveDeskBridge } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import { CALL_CHANNEL, DIALOG_CHANNELS } from './channels';

const bridge: ArchiveDeskBridge = {
  platform: 'electron',
  call: (method, payload) => ipcRenderer.invoke(CALL_CHANNEL, method, payload) as Promise<Result<unknown>>,
  pickFolder: (title) => ipcRenderer.invoke(DIALOG_CHANNELS.pickFolder, title) as Promise<string | null>,
  pickSaveFile: (title, defaultName) => ipcRenderer.invoke(DIALOG_CHANNELS.pickSaveFile, title, defaultName) as Promise<string | null>,
  pickOpenFile: (title) => ipcRenderer.invoke(DIALOG_CHANNELS.pickOpenFile, title) as Promise<string | null>,
  pickOpenFiles: (title) => ipcRenderer.invoke(DIALOG_CHANNELS.pickOpenFiles, title) as Promise<string[] | null>,
};

contextBridge.exposeInMainWorld('archiveDesk', bridge);
