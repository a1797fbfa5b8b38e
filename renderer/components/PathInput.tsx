/**
 * A file-system path typed by hand; in Electron a 浏览… button opens the native picker.
 * (Browser mode has no picker: the page cannot see the user's disk.)
 */
interface PathInputProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  pick: 'folder' | 'open-file' | 'save-file';
  pickTitle: string;
  defaultName?: string;
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
}

export function PathInput({ id, value, onChange, pick, pickTitle, defaultName, placeholder, testId, disabled }: PathInputProps) {
  const bridge = window.archiveDesk;
  const browse = async () => {
    if (!bridge) return;
    try {
      const chosen =
        pick === 'folder'
          ? await bridge.pickFolder(pickTitle)
          : pick === 'open-file'
            ? await bridge.pickOpenFile(pickTitle)
            : await bridge.pickSaveFile(pickTitle, defaultName ?? '');
      if (chosen) onChange(chosen);
    } catch {
      // The picker is a convenience: the path can still be typed by hand.
    }
  };
  return (
    <div className="path-input">
      <input
        id={id}
        type="text"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        disabled={disabled}
      />
      {bridge ? (
        <button type="button" className="btn" onClick={() => void browse()} disabled={disabled}>
          浏览…
        </button>
      ) : null}
    </div>
  );
}
