/** Handlers for the storage area (shared/contract/storage.ts). Placeholder until the area's methods exist. */
import type { HandlerMap } from './types';

export const storageHandlers: HandlerMap<never> = {};
