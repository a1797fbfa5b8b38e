/** Messages between the main thread and the core worker. */
import type { Result } from '../../../shared/errors';

export type WorkerRequest =
  | { type: 'call'; id: number; sessionId: string; method: string; payload: unknown }
  | { type: 'endSession'; id: number; sessionId: string }
  | { type: 'close'; id: number };

export interface WorkerReply {
  id: number;
  result: Result<unknown>;
}
