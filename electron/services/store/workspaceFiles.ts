/**
 * What verify and backup need to know about an open store's files, without reaching into it:
 * where they are, the keys, which part of the active journal segment is written, and a pin that
 * holds off deletions (old snapshots/segments, blobs) while files are being read.
 */
import type { SnapshotInfo } from './snapshot';
import type { WorkspaceKeys } from './workspaceKeys';

export interface WorkspaceFiles {
  readonly dir: string;
  readonly keys: WorkspaceKeys;
  /** The newest snapshot the store opened from or wrote. */
  newestSnapshot(): SnapshotInfo;
  /** The segment being appended to, and how many bytes of it are committed records. */
  activeSegment(): { segNo: number; size: number };
  /** seq of the newest committed journal record. */
  committedSeq(): number;
  /** Defers deletions until the returned function is called. */
  pin(): () => void;
}
