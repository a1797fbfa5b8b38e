/** 导入 · 监视文件夹 · 扫描 · 插入重扫 · 撤销 · 验收 · 导出. Writing buttons vanish when read-only. */
import type { Job } from '../../../shared/types';
import type { ScannerState } from './useScannerStatus';

export type { ScannerState };

interface ToolbarProps {
  readOnly: boolean;
  canExport: boolean;
  selectedPosition: number | null;
  watching: Job | null;
  scanning: boolean;
  scanner: ScannerState;
  onImport: () => void;
  onInsert: () => void;
  onWatch: () => void;
  onStopWatch: () => void;
  onScan: () => void;
  onUndo: () => void;
  onAccept: () => void;
  onExport: () => void;
}

export function WorkbenchToolbar(p: ToolbarProps) {
  const scanTitle = p.scanner.available ? '双面 · 300 dpi · 彩色 (S)' : p.scanner.checked ? p.scanner.message || '未找到可用的扫描仪' : '正在查找扫描仪…';
  return (
    <div className="dz-toolbar" role="toolbar" aria-label="数字化工具栏">
      {p.readOnly ? null : (
        <>
          <button type="button" className="btn btn-primary" onClick={p.onImport} title="导入扫描图像或 PDF (Ctrl+O)" data-testid="dz-import">
            导入文件
          </button>
          {p.watching ? (
            <button type="button" className="btn dz-btn-active" onClick={p.onStopWatch} title={`正在监视，已收到 ${p.watching.done} 张`} data-testid="dz-watch-stop">
              停止监视
            </button>
          ) : (
            <button type="button" className="btn" onClick={p.onWatch} title="扫描仪软件保存到此文件夹的图像自动导入" data-testid="dz-watch">
              监视文件夹
            </button>
          )}
          <button type="button" className="btn" onClick={p.onScan} disabled={!p.scanner.available || p.scanning} title={scanTitle} data-testid="dz-scan">
            {p.scanning ? '正在扫描…' : '扫描'}
          </button>
          {p.scanner.available && p.scanner.devices.length > 1 ? (
            <select value={p.scanner.device ?? ''} onChange={(e) => p.scanner.setDevice(e.target.value)} aria-label="扫描仪" data-testid="dz-scanner">
              {p.scanner.devices.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.label}
                </option>
              ))}
            </select>
          ) : null}
          <button
            type="button"
            className="btn"
            onClick={p.onInsert}
            disabled={p.selectedPosition === null}
            title={p.selectedPosition === null ? '先选择要在其前插入的图像' : `导入重扫图像，插入到图像 ${p.selectedPosition} 之前 (Insert)`}
            data-testid="dz-insert"
          >
            插入重扫
          </button>
          <button type="button" className="btn" onClick={p.onUndo} title="撤销上一步 (Ctrl+Z)" data-testid="dz-undo">
            撤销
          </button>
          <span className="dz-toolbar-gap" />
          <button type="button" className="btn" onClick={p.onAccept} title="核对无误后验收本卷" data-testid="dz-accept">
            验收本卷
          </button>
        </>
      )}
      {p.readOnly ? <span className="dz-toolbar-gap" /> : null}
      {p.canExport ? (
        <button type="button" className="btn" onClick={p.onExport} title="导出图像文件夹和可检索 PDF" data-testid="dz-export">
          导出
        </button>
      ) : null}
    </div>
  );
}
