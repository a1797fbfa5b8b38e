/**
 * Undo for page-strip edits: an in-memory stack of inverse operations per volume. It lives as long
 * as the workspace is open (not across restarts) and is cleared when a volume is accepted. Each
 * inverse is itself an audited write, so the log shows both the edit and its undoing.
 */
import type { DomainContext } from '../domain/context';

export interface UndoEntry {
  /** What the edit was, in Chinese, e.g. "删除第 3 页". */
  label: string;
  /** Runs the inverse as `ctx` (whoever pressed undo, at the time they did). */
  undo(ctx: DomainContext): Promise<void> | void;
}

const MAX_DEPTH = 200;

export class UndoStacks {
  private readonly stacks = new Map<number, UndoEntry[]>();

  push(volumeId: number, entry: UndoEntry): void {
    const stack = this.stacks.get(volumeId) ?? [];
    stack.push(entry);
    if (stack.length > MAX_DEPTH) stack.shift();
    this.stacks.set(volumeId, stack);
  }

  pop(volumeId: number): UndoEntry | undefined {
    return this.stacks.get(volumeId)?.pop();
  }

  depth(volumeId: number): number {
    return this.stacks.get(volumeId)?.length ?? 0;
  }

  clear(volumeId: number): void {
    this.stacks.delete(volumeId);
  }
}
