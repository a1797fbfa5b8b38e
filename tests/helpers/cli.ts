/** Runs the real CLI (through tsx, like `npm run -s cli`) as a child process. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'electron/services/cli/main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  const r = spawnSync(TSX, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ARCHIVEDESK_FAST_KDF: '1', ARCHIVE_PASSWORD: '', NEW_USER_PASSWORD: '', ...env },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
