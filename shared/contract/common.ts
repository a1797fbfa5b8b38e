/** What every contract area file builds with: the method() helper and the shared field schemas. */
import { z } from 'zod';
import type { Permission } from '../roles';

// Validation messages zod writes itself (wrong type, missing field) come out in Chinese too.
z.config(z.locales.zhCN());

declare const OUT: unique symbol;
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** 'none': callable before sign-in; 'session': any unlocked session; a Permission: that too. */
  auth: 'none' | 'session' | Permission;
  /** Phantom: carries the output type only. */
  readonly [OUT]?: O;
}
export function method<O>() {
  return <I extends z.ZodType>(input: I, auth: MethodSpec<I, O>['auth']): MethodSpec<I, O> => ({ input, auth });
}

export const name = z.string().trim().min(1, '不能为空').max(50, '不能超过 50 个字');
export const password = z.string().min(8, '密码至少 8 位').max(200);
export const id = z.number().int().positive();
export const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) };
export const optText = (max: number) => z.string().trim().max(max).default('');
export const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const code = z.string().trim().regex(/^[0-9A-Za-z]{1,12}$/, '代码只能由字母和数字组成（1–12 位）');
