import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/services/server/electronBinary';

let root: string;
let pkgDir: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-electron-'));
  pkgDir = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({ name: 'electron', version: '41.0.0' }));
  fs.mkdirSync(path.join(root, 'dist', 'electron'), { recursive: true });
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  const from = () => path.join(root, 'dist', 'electron');

  it('is null when the package was installed without its binary (no path.txt)', () => {
    expect(findElectronBinary(from(), {})).toBeNull();
  });

  it('is null when path.txt names a file that is not there', () => {
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron');
    expect(findElectronBinary(from(), {})).toBeNull();
  });

  it('finds the binary named by path.txt under dist/', () => {
    fs.writeFileSync(path.join(pkgDir, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(pkgDir, 'dist'));
    fs.writeFileSync(path.join(pkgDir, 'dist', 'electron'), '#!/bin/sh\n');
    expect(findElectronBinary(from(), {})).toBe(path.join(pkgDir, 'dist', 'electron'));
  });

  it('is null when no electron package can be resolved at all', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'archivedesk-noelectron-'));
    try {
      expect(findElectronBinary(elsewhere, {})).toBeNull();
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
