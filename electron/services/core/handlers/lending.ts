/** Handlers for the lending area (shared/contract/lending.ts). Placeholder until the area's methods exist. */
import type { HandlerMap } from './types';

export const lendingHandlers: HandlerMap<never> = {};
