/** A hint, not a rule: the server only enforces the 8-character minimum. */
export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

export const STRENGTH_LABELS: Record<Strength, string> = {
  'too-short': '太短：至少 8 位',
  weak: '弱：请混合字母、数字和符号，或再加长',
  fair: '中：可以使用，再长一些更安全',
  strong: '强',
};

export function passwordStrength(pw: string): Strength {
  const len = [...pw].length;
  if (len < 8) return 'too-short';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(pw)).length;
  const distinct = new Set(pw).size;
  if (distinct <= 3) return 'weak';
  const score = classes + (len >= 12 ? 1 : 0) + (len >= 16 ? 1 : 0);
  if (score >= 4) return 'strong';
  if (score >= 2) return 'fair';
  return 'weak';
}

/** Checks two new-password fields together; null when they may be submitted. */
export function newPasswordProblem(pw: string, again: string): string | null {
  if ([...pw].length < 8) return '密码至少 8 位。';
  if (pw !== again) return '两次输入的密码不一致，请重新输入。';
  return null;
}
