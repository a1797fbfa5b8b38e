/**
 * Benchmark dispatcher: `npm run bench -- <name> [options]`. Each benchmark is a module exporting
 * `run(args)`; register it below.
 */
import { spawnSync } from 'node:child_process';
import { withMallocArenaLimit } from '../electron/services/mallocArenas';

type Bench = { run(args: string[]): Promise<void> };

const benches: Record<string, { about: string; load: () => Promise<Bench> }> = {
  store: { about: '加密存储：打开、提交延迟、快照、与朴素方案和 fsync 下限的对比（--quick 为小规模）', load: () => import('./store') },
  ocr: { about: 'OCR：本流程与原生 tesseract 的吞吐量和字符错误率、方向与空白页判断、500 页内存（--pages N，--rss-pages 500）', load: () => import('./ocr') },
  storage: { about: '库房：5 万份档案初次上架、本月 500 份增量上架、库容看板、按档号定位，与逐条查询对比（--files N 缩小规模）', load: () => import('./storage') },
  intake: { about: '入库核验：名册与数字副本各阶段耗时、与 sha256sum 下限对比、预置缺陷召回与误报（--persons N 缩小规模）', load: () => import('./intake') },
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const entry = name ? benches[name] : undefined;
  if (!entry) {
    if (name) console.error(`未知的基准测试：${name}`);
    console.log('用法：npm run bench -- <名称> [选项]\n可用的基准测试：');
    for (const [key, b] of Object.entries(benches)) console.log(`  ${key.padEnd(10)} ${b.about}`);
    process.exitCode = name ? 1 : 0;
    return;
  }
  await (await entry.load()).run(args);
}

// Measure with the allocator settings the app runs with (see mallocArenas.ts): glibc reads them at
// start, so re-run this same command once with them set.
const env = withMallocArenaLimit(process.env);
if (env !== process.env) {
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  process.exitCode = r.status ?? 1;
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
