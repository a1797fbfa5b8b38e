/**
 * `intake check --roster FILE --package DIR [--json] [--skew-limit DEG] [--no-page-numbers]`:
 * every roster and digital-copy check without a workspace. Findings are data: exit 0 when the check
 * ran, 1 when the input is unusable (missing roster, unreadable file, no package folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Finding } from '../intake/check/findings';
import { runChecks } from '../intake/check/engine';
import { readRoster } from '../intake/roster/readRoster';
import type { Output } from './output';

type Values = Record<string, string | boolean | undefined>;

export { intakeCliOptions } from './intakeOptions';

/** The JSON shape printed with --json (stable: scripts depend on it). */
export interface IntakeCheckJson {
  persons: number;
  pages: number;
  findings: Pick<Finding, 'code' | 'severity' | 'idNumber' | 'name' | 'file' | 'page' | 'message'>[];
}

function text(v: Values, name: string): string | null {
  const x = v[name];
  return typeof x === 'string' && x.trim() !== '' ? x.trim() : null;
}

function humanSummary(json: IntakeCheckJson): string {
  const errors = json.findings.filter((f) => f.severity === 'error').length;
  const warnings = json.findings.length - errors;
  const lines = [
    `核验完成：名册 ${json.persons} 人，数字副本 ${json.pages} 张页面图像。`,
    json.findings.length === 0 ? '未发现问题。' : `发现 ${json.findings.length} 个问题（错误 ${errors} 个，警告 ${warnings} 个）：`,
  ];
  // One group per person (by ID number), in the order the findings came (roster order).
  const groups = new Map<string, IntakeCheckJson['findings']>();
  for (const f of json.findings) {
    const key = f.idNumber ?? f.name ?? '';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [key, list] of groups) {
    const name = list.find((f) => f.name)?.name ?? '（无姓名）';
    lines.push('', key === '' ? '【名册与数字副本整体】' : `【${name}  ${list[0]?.idNumber ?? ''}】`.replace(/\s+】$/, '】'));
    for (const f of [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))) {
      lines.push(`  ${f.severity === 'error' ? '错误' : '警告'}  ${f.code}  ${f.message}`);
    }
  }
  return lines.join('\n');
}

export async function runIntakeCheck(v: Values, out: Output): Promise<number> {
  const rosterFile = text(v, 'roster');
  if (!rosterFile) throw new AppError('VALIDATION', '缺少参数 --roster（名册文件 .xlsx 或 .csv）。');
  const packageDir = text(v, 'package');
  if (packageDir) {
    const isDir = fs.statSync(packageDir, { throwIfNoEntry: false })?.isDirectory() === true;
    if (!isDir) throw new AppError('VALIDATION', `找不到数字副本文件夹：${packageDir}。请检查 --package 的路径。`);
  }
  let skewLimit: number | undefined;
  const skew = text(v, 'skew-limit');
  if (skew !== null) {
    skewLimit = Number(skew);
    if (!Number.isFinite(skewLimit) || skewLimit <= 0) throw new AppError('VALIDATION', '--skew-limit 应为大于 0 的角度（度），例如 1。');
  }
  const roster = await readRoster(path.resolve(rosterFile));
  const result = await runChecks(
    { ...roster, file: rosterFile },
    {
      packageDir: packageDir ? path.resolve(packageDir) : null,
      ...(skewLimit !== undefined ? { skewLimitDegrees: skewLimit } : {}),
      ...(v['no-page-numbers'] === true ? { pageNumbers: null } : {}),
    },
  );
  const json: IntakeCheckJson = {
    persons: result.persons,
    pages: result.pages,
    findings: result.findings.map(({ code, severity, idNumber, name, file, page, message }) => ({ code, severity, idNumber, name, file, page, message })),
  };
  out.result(humanSummary(json), json);
  return 0;
}
