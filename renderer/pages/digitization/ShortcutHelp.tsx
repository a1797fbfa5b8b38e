import { SHORTCUT_HELP } from './workbenchKeys';

export function ShortcutHelp() {
  return (
    <div className="dz-help muted" aria-label="快捷键">
      {SHORTCUT_HELP.map(([keys, what]) => (
        <span key={keys}>
          <kbd>{keys}</kbd> {what}
        </span>
      ))}
    </div>
  );
}
