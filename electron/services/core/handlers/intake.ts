/** Handlers for the intake area (shared/contract/intake.ts). Placeholder until the area's methods exist. */
import type { HandlerMap } from './types';

export const intakeHandlers: HandlerMap<never> = {};
