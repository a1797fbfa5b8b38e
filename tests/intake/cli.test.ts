import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDelivery } from '../../bench/fixtures/deliveryGenerator';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
// The real CLI entry, exactly as `npm run -s cli -- intake check …` runs it.
const RUN = path.join(ROOT, 'electron/services/cli/main.ts');

function run(args: string[]) {
  const r = spawnSync(TSX, [RUN, 'intake', 'check', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('intake check CLI', () => {
  it('prints persons, pages and findings as JSON, or a Chinese summary grouped by person; exit 0', async () => {
    const dir = tempDir();
    const d = await generateDelivery({ dir, persons: 5, pages: [4, 6], width: 1240, defects: ['page-count', 'skew'], concurrency: 2 });
    const json = run(['--roster', d.rosterFile, '--package', d.packageDir, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { persons: number; pages: number; findings: Record<string, unknown>[] };
    expect(out.persons).toBe(5);
    expect(out.pages).toBe(d.imageFiles);
    expect(out.findings.map((f) => f.code).sort()).toEqual(['PAGE_COUNT_MISMATCH', 'SKEW']);
    for (const f of out.findings) expect(Object.keys(f).sort()).toEqual(['code', 'file', 'idNumber', 'message', 'name', 'page', 'severity']);
    const skewed = d.defects.find((x) => x.kind === 'skew');
    expect(out.findings.find((f) => f.code === 'SKEW')).toMatchObject({ severity: 'error', idNumber: skewed?.idNumber, page: skewed?.page });

    const human = run(['--roster', d.rosterFile, '--package', d.packageDir, '--no-page-numbers']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('核验完成：名册 5 人');
    const person = d.persons.find((p) => p.idNumber === skewed?.idNumber);
    expect(human.stdout).toContain(`【${person?.name}  ${person?.idNumber}】`);
    expect(human.stdout).toMatch(/错误 {2}SKEW {2}.*倾斜约/);
  });

  it('exits 1 with a Chinese message on unusable input', () => {
    const dir = tempDir();
    const noRoster = run(['--roster', path.join(dir, '名册.xlsx'), '--package', dir]);
    expect(noRoster.code).toBe(1);
    expect(noRoster.stderr).toContain('找不到名册文件');
    const missingArg = run(['--package', dir]);
    expect(missingArg.code).toBe(1);
    expect(missingArg.stderr).toContain('--roster');
  });
});
