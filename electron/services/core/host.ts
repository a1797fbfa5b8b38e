/**
 * A CoreHost runs the core (all services + the database) and answers calls. The Electron main
 * process and the browser-mode server use the worker-thread host, so the database never runs on
 * the thread that serves the UI; the CLI and tests may use the in-process host. Both speak the same
 * call(sessionId, method, payload) → Result, so every transport reaches the same handlers.
 */
import type { Result } from '../../../shared/errors';

export type RunMode = 'electron' | 'browser' | 'cli';

export interface CoreOptions {
  mode: RunMode;
  /** Per-user app folder: holds archivedesk.json (which workspace folder to use) and, by default, the workspace. */
  userDataDir: string;
  version: string;
}

export interface CoreHost {
  /** sessionId identifies one UI client (a window, a browser cookie, a CLI run). */
  call(sessionId: string, method: string, payload: unknown): Promise<Result<unknown>>;
  /** The client went away (window closed): sign it out. */
  endSession(sessionId: string): Promise<void>;
  /** Flushes, snapshots and releases the workspace lock. */
  close(): Promise<void>;
}
