// Lint: typescript-eslint recommended, zero warnings, and the process boundary — only the thin
// Electron shell (electron/main, electron/preload) may import 'electron'; everything else must run
// in plain Node or the browser so it can be tested without the Electron binary.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: "只有 electron/main 与 electron/preload 可以导入 'electron'（其余代码须能在纯 Node 或浏览器中测试）。" }],
          patterns: [{ group: ['electron/*'], message: "只有 electron/main 与 electron/preload 可以导入 'electron'。" }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'tests/e2e/electron*'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: '渲染进程不得直接导入 electron，请通过 window.archiveDesk 桥接。' }],
          patterns: [
            { group: ['node:*'], message: '渲染进程不得使用 Node 模块。' },
            { group: ['**/electron/**', '../electron/*'], message: '渲染进程只能通过 shared/ 中的契约调用服务。' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
