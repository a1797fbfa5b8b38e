/**
 * The recovery key: one more key slot's secret, printed once at set-up so a lost admin password
 * never means a lost archive. 30 Crockford base32 characters (150 random bits) in six groups of
 * five; the alphabet has no I, L, O or U, and input is forgiving about case, spaces and dashes.
 */
import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 6;
const GROUP_LEN = 5;
const LENGTH = GROUPS * GROUP_LEN;

export function generateRecoveryKey(): string {
  const chars: string[] = [];
  // 32 symbols: a random byte's low 5 bits are uniform.
  for (const byte of crypto.randomBytes(LENGTH)) chars.push(ALPHABET[byte & 31] as string);
  return group(chars.join(''));
}

/**
 * Canonical form of what a user typed (`xxxxx xxxxx-…`, any case). Crockford decoding maps the
 * look-alikes I/L → 1 and O → 0. Throws VALIDATION with a message saying what to check.
 */
export function normaliseRecoveryKey(input: string): string {
  const compact = input
    .normalize('NFKC') // full-width letters/digits from a Chinese IME → ASCII
    .toUpperCase()
    .replace(/[\s\-_—－]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact.length !== LENGTH || ![...compact].every((c) => ALPHABET.includes(c))) {
    throw new AppError(
      'VALIDATION',
      `恢复密钥格式不正确：应为 ${LENGTH} 个字符（${GROUPS} 组，每组 ${GROUP_LEN} 个），只含数字和字母（不含 U）。请对照打印的恢复密钥重新输入。`,
    );
  }
  return group(compact);
}

function group(compact: string): string {
  const parts: string[] = [];
  for (let i = 0; i < compact.length; i += GROUP_LEN) parts.push(compact.slice(i, i + GROUP_LEN));
  return parts.join('-');
}
