/** The zh-CN application menu: only the standard roles plus 关于. */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export function installMenu(): void {
  const view: MenuItemConstructorOptions[] = [
    { label: '重新加载', role: 'reload' },
    { type: 'separator' },
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (!app.isPackaged) view.push({ label: '开发者工具', role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于档案工作站',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: '关于档案工作站',
              message: `档案工作站 ArchiveDesk ${app.getVersion()}`,
              detail: '人社局退休人员人事档案管理工作站。所有数据加密保存在本机工作区中。',
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
