/**
 * Electron main process, kept thin: one instance, one window, the core in a worker thread, and
 * IPC forwarded to it. Everything with logic lives in the core so it can be tested without Electron.
 */
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { startCoreWorker } from '../services/core/index';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { registerIpc, sessionIdFor } from './ipc';
import { installMenu } from './menu';
import { createMainWindow, lockDownWebContents } from './window';

// Same folder the browser mode uses (launchOptions.resolveUserDataDir), whatever the product name.
app.setPath('userData', process.env.ARCHIVEDESK_USER_DATA || path.join(app.getPath('appData'), 'ArchiveDesk'));
registerAppScheme();
// sql.js's wasm is unpacked from the asar (electron-builder.yml asarUnpack); the core worker reads this.
if (app.isPackaged && !process.env.ARCHIVEDESK_SQL_WASM) {
  process.env.ARCHIVEDESK_SQL_WASM = path.join(process.resourcesPath, 'app.asar.unpacked', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const host = startCoreWorker({ mode: 'electron', userDataDir: app.getPath('userData'), version: app.getVersion() });
  const preloadFile = path.join(__dirname, 'preload.cjs');
  const rendererDir = path.join(__dirname, '..', 'renderer');
  // Packaged: electron-builder's extraResources; from a checkout: the repo's resources/.
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(__dirname, '..', '..', 'resources');
  let mainWindow: BrowserWindow | null = null;

  const openWindow = () => {
    mainWindow = createMainWindow(preloadFile, path.join(resourcesDir, 'icons', 'icon.png'), (id) => {
      mainWindow = null;
      void host.endSession(sessionIdFor(id));
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  let coreClosed = false;
  app.on('will-quit', (event) => {
    if (coreClosed) return;
    // Hold the quit until the core has flushed, snapshotted and released the workspace lock.
    event.preventDefault();
    host
      .close()
      .catch((err: unknown) => console.error('关闭工作区时出错：', err))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    lockDownWebContents();
    serveRenderer(rendererDir);
    registerIpc(host);
    installMenu();
    openWindow();
  });
}
