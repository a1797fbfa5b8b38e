/**
 * What the Electron preload exposes on `window.archiveDesk`. In browser mode it is absent and the
 * renderer uses HTTP to the loopback server instead; both end in the same core handlers.
 */
import type { Result } from './errors';

export interface ArchiveDeskBridge {
  readonly platform: 'electron';
  call(method: string, payload: unknown): Promise<Result<unknown>>;
  /** Native folder / file pickers; resolve to null when the user cancels. */
  pickFolder(title: string): Promise<string | null>;
  pickSaveFile(title: string, defaultName: string): Promise<string | null>;
  pickOpenFile(title: string): Promise<string | null>;
  /** Several page images / scanner PDFs at once (multi-select, image and PDF filters). */
  pickOpenFiles(title: string): Promise<string[] | null>;
}

declare global {
  interface Window {
    archiveDesk?: ArchiveDeskBridge;
  }
}
