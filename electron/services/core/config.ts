/**
 * archivedesk.json in the per-user app folder: which workspace folder to use. It holds a path
 * only — nothing about the archive's content — so it is the one plain file besides exports.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface LauncherConfig {
  workspaceDir?: string;
}

export function configPath(userDataDir: string): string {
  return path.join(userDataDir, 'archivedesk.json');
}

export function readConfig(userDataDir: string): LauncherConfig {
  try {
    const raw = JSON.parse(fs.readFileSync(configPath(userDataDir), 'utf8')) as unknown;
    if (raw && typeof raw === 'object' && typeof (raw as LauncherConfig).workspaceDir === 'string') {
      return { workspaceDir: (raw as LauncherConfig).workspaceDir };
    }
  } catch {
    // Missing or unreadable config: fall back to the default folder.
  }
  return {};
}

export function writeConfig(userDataDir: string, config: LauncherConfig): void {
  fs.mkdirSync(userDataDir, { recursive: true });
  const file = configPath(userDataDir);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(config, null, 2));
  fs.renameSync(tmp, file);
}

export function defaultWorkspaceDir(userDataDir: string): string {
  return path.join(userDataDir, 'workspace');
}
