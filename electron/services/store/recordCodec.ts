/**
 * The plaintext of one journal record: `{seq, stmts: [[sql, params], ...]}` as JSON. Byte params
 * become {"$b64": "..."} so they come back as Uint8Array, not as strings.
 */
import type { SqlParams, SqlValue } from './api';

export type JournalStatement = [sql: string, params: SqlParams | null];

export interface JournalPayload {
  seq: number;
  stmts: JournalStatement[];
}

type WireValue = string | number | null | { $b64: string };

function toWire(v: SqlValue): WireValue {
  return v instanceof Uint8Array ? { $b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') } : v;
}

function fromWire(v: unknown): SqlValue {
  if (v !== null && typeof v === 'object' && typeof (v as { $b64?: unknown }).$b64 === 'string') {
    return new Uint8Array(Buffer.from((v as { $b64: string }).$b64, 'base64'));
  }
  return v as SqlValue;
}

function mapParams(params: SqlParams | null, f: (v: never) => unknown): unknown {
  if (params === null) return null;
  if (Array.isArray(params)) return params.map((v) => f(v as never));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = f(v as never);
  return out;
}

/** A private copy, so a caller reusing its params array cannot change what gets journaled. */
export function copyParams(params: SqlParams | undefined): SqlParams | null {
  if (params === undefined || params === null) return null;
  const copy = (v: SqlValue): SqlValue => (v instanceof Uint8Array ? v.slice() : v);
  if (Array.isArray(params)) return params.map(copy);
  const out: Record<string, SqlValue> = {};
  for (const [k, v] of Object.entries(params)) out[k] = copy(v);
  return out;
}

export function encodePayload(payload: JournalPayload): Buffer {
  const stmts = payload.stmts.map(([sql, params]) => [sql, mapParams(params, toWire)]);
  return Buffer.from(JSON.stringify({ seq: payload.seq, stmts }), 'utf8');
}

/** Throws if the JSON does not have the record shape (callers report it as corruption). */
export function decodePayload(bytes: Uint8Array): JournalPayload {
  const raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as unknown;
  if (typeof raw !== 'object' || raw === null) throw new Error('record is not an object');
  const { seq, stmts } = raw as { seq?: unknown; stmts?: unknown };
  if (typeof seq !== 'number' || !Array.isArray(stmts)) throw new Error('record lacks seq/stmts');
  return {
    seq,
    stmts: stmts.map((s: unknown): JournalStatement => {
      if (!Array.isArray(s) || typeof s[0] !== 'string') throw new Error('bad statement');
      return [s[0], mapParams((s[1] ?? null) as SqlParams | null, fromWire) as SqlParams | null];
    }),
  };
}
