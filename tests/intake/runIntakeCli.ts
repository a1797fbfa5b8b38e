/**
 * Runs `intake check` the way electron/services/cli/main.ts does (same option table, Output and
 * exit codes), so the command can be tested as a child process on its own.
 */
import { parseArgs } from 'node:util';
import { exitCodeFor, toErrorPayload } from '../../shared/errors';
import { intakeCliOptions, runIntakeCheck } from '../../electron/services/cli/intake';
import { Output } from '../../electron/services/cli/output';

const { values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  strict: true,
  options: { ...intakeCliOptions, json: { type: 'boolean', default: false } },
});

runIntakeCheck(values, new Output(values.json === true)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const payload = toErrorPayload(err);
    process.stderr.write(`错误：${payload.message}\n`);
    process.exitCode = exitCodeFor(payload.code);
  },
);
