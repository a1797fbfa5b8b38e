/**
 * The one typed contract for every call the renderer makes. Inputs are zod schemas (validated by
 * the core before any handler runs, whatever the transport: Electron IPC, loopback HTTP or the CLI);
 * outputs are TypeScript types. `auth` names the permission the caller's role must hold, or says
 * whether a signed-in, unlocked session is needed at all.
 *
 * Each area keeps its methods in its own file here; method names are prefixed by area
 * (`intake.*`, `storage.*`, …) so the merged object never has two entries with one name.
 */
import type { z } from 'zod';
import type { MethodSpec } from './common';
import { digitizationContract } from './digitization';
import { documentsContract } from './documents';
import { foundationContract } from './foundation';
import { intakeContract } from './intake';
import { lendingContract } from './lending';
import { storageContract } from './storage';

export const contract = {
  ...foundationContract,
  ...digitizationContract,
  ...intakeContract,
  ...storageContract,
  ...lendingContract,
  ...documentsContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(x: unknown): x is MethodName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(contract, x);
}

/** The single IPC channel and HTTP path every call travels on. */
export const IPC_CHANNEL = 'archivedesk:call';
export const HTTP_CALL_PATH = '/api/call';
