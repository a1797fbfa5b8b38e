export interface Migration {
  /** Strictly increasing, matches the file's number. */
  version: number;
  name: string;
  /** Deterministic DDL/DML only: it is journaled and replayed like any other write. */
  sql: string;
}
