/**
 * The printed page number of an archive page: where it is looked for (the top and bottom margin
 * bands; archive practice puts it top right, bottom centre or bottom right) and the patterns it is
 * printed in: "12", "-12-", "— 12 —", "第12页", "12/30". Reading it: marginNumber.ts.
 */

/** Share of the page height at the top and at the bottom searched for the number. */
export const MARGIN_BAND = 0.12;

// The Chinese model reads a printed dash as 一 (the hanzi "one") as often as as a dash, and a
// long dash now and then as 二.
const DASH = '[-—－–~〜_=一二\\s]';
const PATTERNS = [new RegExp(`^${DASH}*(\\d{1,5})${DASH}*$`), /^第\s*(\d{1,5})\s*页$/, /^(\d{1,5})\s*[/／]\s*\d{1,5}$/];

export function parsePageNumber(text: string): number | null {
  // NFKC turns full-width digits and slashes into ASCII.
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  for (const re of PATTERNS) {
    const m = re.exec(t);
    if (m?.[1]) {
      const n = Number(m[1]);
      return n > 0 ? n : null;
    }
  }
  return null;
}
