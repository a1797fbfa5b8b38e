/** Page images are ordered by the trailing number in the file name (page2 before page10); ties by name. */

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** The last run of digits in the file name without its extension, or null. */
export function trailingNumber(fileName: string): number | null {
  const stem = fileName.replace(/\.[^.]*$/, '');
  const m = /(\d+)\D*$/.exec(stem);
  return m ? Number(m[1]) : null;
}

export function compareByTrailingNumber(a: string, b: string): number {
  const na = trailingNumber(a);
  const nb = trailingNumber(b);
  if (na !== null && nb !== null && na !== nb) return na - nb;
  if (na !== null && nb === null) return -1;
  if (na === null && nb !== null) return 1;
  return collator.compare(a, b);
}
