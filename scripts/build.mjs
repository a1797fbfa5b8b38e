// npm run build: bundles the Node side (Electron main, preload, launcher, worker threads) into
// dist/electron/ as sibling .cjs files — workers are found by sibling name — and the renderer into
// dist/renderer/. Every entry must exist: a missing one fails the build, so nothing ships half-built.
// `--allow-missing` skips missing entries with a warning instead (for work on a half-assembled tree).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const allowMissing = process.argv.includes('--allow-missing');
const started = performance.now();

const nodeEntries = [
  ['electron/main/index.ts', 'main'],
  ['electron/preload/index.ts', 'preload'],
  ['electron/launcher.ts', 'launcher'],
  ['electron/services/core/worker.ts', 'core-worker'],
  ['electron/services/store/snapshotWorker.ts', 'snapshot-worker'],
  ['electron/services/intake/check/checkWorker.ts', 'intake-check-worker'],
];
const rendererEntry = 'renderer/main.tsx';

const missing = [...nodeEntries.map(([src]) => src), rendererEntry, 'renderer/index.html'].filter(
  (src) => !fs.existsSync(path.join(root, src)),
);
if (missing.length > 0) {
  const list = missing.join(', ');
  if (!allowMissing) {
    console.error(`构建失败：缺少源文件 ${list}（只想构建已有部分时可加 --allow-missing）`);
    process.exit(1);
  }
  console.warn(`警告：以下源文件尚不存在，本次构建跳过：${list}`);
}
const present = (src) => !missing.includes(src);

fs.rmSync(dist, { recursive: true, force: true });

const jobs = [];

const nodeBuild = nodeEntries.filter(([src]) => present(src));
if (nodeBuild.length > 0) {
  jobs.push(
    build({
      absWorkingDir: root,
      entryPoints: nodeBuild.map(([src, out]) => ({ in: src, out })),
      outdir: path.join(dist, 'electron'),
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      external: ['electron', 'sql.js', 'sharp', 'tesseract.js', 'playwright*', '@playwright/*', 'fsevents'],
      logLevel: 'warning',
    }),
  );
}

if (present(rendererEntry)) {
  jobs.push(
    build({
      absWorkingDir: root,
      entryPoints: { app: rendererEntry },
      outdir: path.join(dist, 'renderer'),
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: ['chrome120'],
      jsx: 'automatic',
      minify: true,
      sourcemap: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: {
        '.woff2': 'file',
        '.woff': 'file',
        '.ttf': 'file',
        '.otf': 'file',
        '.png': 'file',
        '.jpg': 'file',
        '.jpeg': 'file',
        '.gif': 'file',
        '.svg': 'file',
        '.webp': 'file',
      },
      assetNames: 'assets/[name]-[hash]',
      logLevel: 'warning',
    }),
  );
}

try {
  await Promise.all(jobs);
} catch {
  // esbuild has already printed each error with its file and line.
  console.error('构建失败：请按上面列出的错误修改源代码后重试。');
  process.exit(1);
}

if (present('renderer/index.html')) {
  fs.mkdirSync(path.join(dist, 'renderer'), { recursive: true });
  fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(dist, 'renderer/index.html'));
}
const fontsDir = path.join(root, 'resources/fonts');
if (fs.existsSync(fontsDir)) {
  fs.cpSync(fontsDir, path.join(dist, 'renderer/fonts'), { recursive: true });
}

const ms = Math.round(performance.now() - started);
const built = [...nodeBuild.map(([, out]) => `electron/${out}.cjs`), ...(present(rendererEntry) ? ['renderer/app.js'] : [])];
console.log(`构建完成（${ms} ms）：dist/${built.join(', dist/')}`);
