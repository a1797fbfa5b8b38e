/** CLI commands for the storage area: import a shelf layout, print the capacity dashboard, locate a file. */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { CapacityDashboard } from '../../../shared/storageTypes';
import { call, need, withSession, type Command, type Values } from './session';

/** FILE.xlsx: the positional after `storage import-layout` (main.ts hands commands only the options). */
function layoutFile(): string {
  const args = process.argv.slice(2);
  const at = args.findIndex((p, i) => p === 'storage' && args[i + 1] === 'import-layout');
  let file: string | undefined;
  // Every option but the boolean ones takes a value, so skip it with its value.
  for (let i = at + 2; at >= 0 && i < args.length && file === undefined; i++) {
    const a = args[i] ?? '';
    if (a === '--json' || a === '--help' || a === '-h' || (a.startsWith('--') && a.includes('='))) continue;
    if (a.startsWith('-')) i++;
    else file = a;
  }
  if (!file) throw new AppError('VALIDATION', '请给出布局文件：storage import-layout --data DIR 布局.xlsx');
  return path.resolve(file);
}

const m = (mm: number) => `${(mm / 1000).toFixed(1)} 米`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function capacityText(d: CapacityDashboard): string {
  const lines = [`库容（截至 ${d.asOf}）：总容量 ${m(d.totals.capacityMm)}，已用 ${m(d.totals.usedMm)}（${pct(d.totals.fill)}），空余 ${m(d.totals.freeMm)}，其中社区预留 ${m(d.totals.reservedMm)}；待上架 ${d.totals.unplacedFiles} 份`];
  for (const r of d.rooms) {
    if (r.capacityMm === 0) continue;
    lines.push(`${r.name}：容量 ${m(r.capacityMm)}，已用 ${m(r.usedMm)}（${pct(r.fill)}），空余 ${m(r.freeMm)}，预留 ${m(r.reservedMm)}，预计 ${r.forecastFullOn ?? '—（无接收记录）'} 装满`);
    for (const u of r.units) lines.push(`  ${u.name}：容量 ${m(u.capacityMm)}，已用 ${m(u.usedMm)}（${pct(u.fill)}），空余 ${m(u.freeMm)}，预留 ${m(u.reservedMm)}`);
  }
  lines.push('达标检查：');
  for (const c of d.compliance) lines.push(`  ${c.pass ? '✓ 达标' : '✗ 不达标'} ${c.title}：${c.detail}`);
  return lines.join('\n');
}

export const storageCommands: Record<string, Command> = {
  'storage import-layout': (v: Values, out) => {
    const file = layoutFile();
    return withSession(v, async (core) => {
      const preview = await call(core, 'storage.layoutPreview', { file });
      if (preview.problems.length > 0) {
        const text = preview.problems.map((p) => (p.row > 0 ? `第 ${p.row} 行：${p.message}` : p.message)).join('\n');
        if (out.json) out.result('', { imported: false, ...preview });
        else process.stderr.write(`布局文件有 ${preview.problems.length} 处问题，未导入任何架位：\n${text}\n`);
        return 1;
      }
      const done = await call(core, 'storage.layoutImport', { file, token: preview.token });
      const units = done.units.map((u) => `${u.room} ${u.name}（${u.shelves} 层）`).join('、');
      out.result(`已导入 ${done.shelves} 个架位：${units}${done.newRooms.length > 0 ? `；新建库房：${done.newRooms.join('、')}` : ''}`, { imported: true, ...done });
      return 0;
    });
  },

  'storage capacity': (v, out) =>
    withSession(v, async (core) => {
      const d = await call(core, 'storage.capacity', {});
      out.result(capacityText(d), d);
      return 0;
    }),

  'storage locate': (v, out) =>
    withSession(v, async (core) => {
      const archiveNo = typeof v['archive-no'] === 'string' ? v['archive-no'] : undefined;
      const hits = archiveNo
        ? await call(core, 'storage.locate', { query: archiveNo, by: 'archiveNo' })
        : await call(core, 'storage.locate', { query: need(v, 'query') });
      if (hits.length === 0) throw new AppError('NOT_FOUND', `找不到档号或姓名为“${archiveNo ?? String(v.query)}”的档案。请核对后重试。`);
      const human = hits.map((h) => `${h.archiveNo} ${h.name} ${h.communityName}：${h.place?.label ?? '未上架'}（${h.statusLabel}）`).join('\n');
      out.result(human, archiveNo ? hits[0] : hits);
      return 0;
    }),
};

/** Usage lines for these commands (each line ends with a newline), shown by `npm run -s cli`. */
export const storageUsage = `  storage import-layout --data DIR 布局.xlsx            导入架位布局（列：库房、密集架、列、节、层、面、宽度(mm)、容量(卷)）
  storage capacity --data DIR                          库容、预留、预计装满日期与达标检查
  storage locate --data DIR --archive-no 档号           查档案所在位置（库房-列-节-层-面-位）与状态
`;
