/**
 * One analysis pass over a decoded page for the two judgements that decide how it is stored:
 * blank (flagged, not counted) and colour (kept in colour, or the configured mode).
 */
import { analysisImage, type RawImage } from './analysisImage';
import { detectBlank, type BlankResult } from './blank';
import { detectColour, type ColourResult } from './colour';

export interface PageAnalysis {
  blank: BlankResult;
  colour: ColourResult;
}

/** `dpi`: the page's resolution (300 when the file does not say). */
export async function analysePage(page: RawImage, dpi: number): Promise<PageAnalysis> {
  const a = await analysisImage(page, dpi);
  return { blank: detectBlank(a), colour: detectColour(a) };
}
