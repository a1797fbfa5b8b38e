/**
 * IPC channel names shared by the preload and the main process. Kept free of runtime imports so the
 * sandboxed preload bundle stays tiny; the type annotation makes tsc prove the call channel is the
 * one the contract names.
 */
import type { IPC_CHANNEL } from '../../shared/contract';

export const CALL_CHANNEL: typeof IPC_CHANNEL = 'archivedesk:call';

export const DIALOG_CHANNELS = {
  pickFolder: 'archivedesk:pick-folder',
  pickSaveFile: 'archivedesk:pick-save-file',
  pickOpenFile: 'archivedesk:pick-open-file',
  pickOpenFiles: 'archivedesk:pick-open-files',
} as const;
