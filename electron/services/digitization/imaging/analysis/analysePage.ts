/**
 * One analysis pass over a decoded page for the two judgements that decide how it is stored:
 * blank (flagged, not counted) and colour (kept in colour, or the configured mode).
 */
import { giveBack } from '../bufferPool';
import { analysisImage, type RawImage } from './analysisImage';
import { detectBlank, type BlankResult } from './blank';
import { detectColour, type ColourResult } from './colour';

export interface PageAnalysis {
  blank: BlankResult;
  colour: ColourResult;
}

/**
 * `dpi`: the page's resolution (300 when the file does not say). `lum`: its luma, if already made.
 * `verdictsOnly`: only the two verdicts are wanted (page processing): the blank check stops at the
 * first proof of writing, so its counts are partial; the verdicts are the same.
 */
export async function analysePage(page: RawImage, dpi: number, opts: { lum?: Uint8Array; verdictsOnly?: boolean } = {}): Promise<PageAnalysis> {
  const a = await analysisImage(page, dpi, opts.lum);
  const verdicts = { blank: detectBlank(a, opts.verdictsOnly), colour: detectColour(a) };
  giveBack(a.background, a.lightness, a.chroma);
  return verdicts;
}
