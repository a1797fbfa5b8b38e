/**
 * ArchiveDesk CLI — the same core and handlers as the app, for scripting and tests.
 *   npm run -s cli -- <command> [options]      (run without a command for help)
 * Exit codes: 0 ok, 1 a problem the user can fix (message on stderr), 2 an integrity problem.
 */
import { parseArgs } from 'node:util';
import { AppError, exitCodeFor, toErrorPayload } from '../../../shared/errors';
import { commands, usage } from './commands';
import { intakeCliOptions } from './intakeOptions';
import { lendingCliOptions } from './lendingOptions';
import { storageCliOptions } from './storageOptions';
import { Output } from './output';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...intakeCliOptions,
      ...storageCliOptions,
      ...lendingCliOptions,
      data: { type: 'string' },
      user: { type: 'string' },
      json: { type: 'boolean', default: false },
      admin: { type: 'string' },
      display: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      community: { type: 'string' },
      town: { type: 'string' },
      code: { type: 'string' },
      phone: { type: 'string' },
      query: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      out: { type: 'string' }, // pages process --out
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const out = new Output(values.json === true);
  const key = positionals.slice(0, 2).join(' ');
  const command = commands[key] ?? commands[positionals[0] ?? ''];
  if (values.help || !command) {
    process.stderr.write(usage());
    return values.help ? 0 : 1;
  }
  return command(values, out);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const payload = toErrorPayload(err instanceof TypeError && 'code' in err ? new AppError('VALIDATION', `参数有误：${err.message}`) : err);
    process.stderr.write(`错误：${payload.message}\n`);
    process.exitCode = exitCodeFor(payload.code);
  },
);
