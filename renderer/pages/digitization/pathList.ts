/**
 * File paths typed or pasted into the import field: one per line, or several on a line in quotes
 * (Windows Explorer's 复制文件地址 gives "C:\扫描\001.jpg"). Blank lines and repeats are dropped.
 */
export function parsePathList(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (raw: string) => {
    const p = raw.trim();
    if (p && !seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (trimmed.includes('"')) {
      // Quoted paths may contain spaces; anything outside quotes on such a line is a path too.
      const re = /"([^"]*)"|(\S+)/g;
      for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) add(m[1] ?? m[2] ?? '');
    } else {
      add(trimmed);
    }
  }
  return out;
}

/** Image and PDF types the import accepts (by name; the service checks the content). */
export const IMPORT_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.pdf'] as const;

export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
