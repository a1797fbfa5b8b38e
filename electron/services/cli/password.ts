/**
 * Passwords for the CLI come from an environment variable or standard input — never from an
 * argument, where they would show up in `ps` and shell history.
 */
import readline from 'node:readline';
import { AppError } from '../../../shared/errors';

export async function readSecret(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const line = await readLine(prompt);
  if (line === null || line === '') {
    throw new AppError('VALIDATION', `未提供密码：请设置环境变量 ${envName}，或从标准输入输入密码。`);
  }
  return line;
}

let buffered: string[] | null = null;

/** Reads one line; when stdin is a pipe, all lines are read once and handed out in order. */
async function readLine(prompt: string): Promise<string | null> {
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    const line = await new Promise<string>((resolve) => rl.once('line', resolve));
    rl.close();
    return line;
  }
  if (buffered === null) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    buffered = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  }
  return buffered.shift() ?? null;
}
