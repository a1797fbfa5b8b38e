/**
 * Blank-side and colour detection on generated 300 dpi scans (Latin text: no CJK font is
 * guaranteed here; the detectors only see ink, not letters). Blank must survive dust, scanner
 * grain, show-through, edge shadows, punch holes and yellowed paper; anything written — one line,
 * a lone page number, thin handwriting, faint pencil — is not blank. Colour must catch a small red
 * seal and a red header, and must not fire on yellowed paper or a scanner's colour fringes.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generatePage } from '../../bench/fixtures/generatePages';
import { analysePage, type PageAnalysis } from '../../electron/services/digitization/imaging/analysis/analysePage';

const W = 1240;
const H = 1754;
const FONT = "font-family='DejaVu Sans, Liberation Sans, sans-serif'";

function svg(body: string, paper = 'white', size: [number, number] = [W, H]): Buffer {
  return Buffer.from(`<svg xmlns='http://www.w3.org/2000/svg' width='${size[0]}' height='${size[1]}'><rect width='100%' height='100%' fill='${paper}'/>${body}</svg>`);
}

function lines(count: number, fill = 'black', size = 34): string {
  return Array.from({ length: count }, (_, i) => `<text x='150' y='${300 + i * 60}' ${FONT} font-size='${size}' fill='${fill}'>Line ${i + 1} of the record, written on the form</text>`).join('');
}

async function analyse(image: Buffer | Promise<Buffer>, transform?: (data: Buffer, width: number) => void): Promise<PageAnalysis> {
  const { data, info } = await sharp(await image).flatten({ background: '#fff' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  transform?.(data, info.width);
  return analysePage({ data, width: info.width, height: info.height, channels: 3 }, 300);
}

describe('blank sides', () => {
  it('calls a side with anything written on it not blank, however little', async () => {
    const written = {
      'one short line': svg(`<text x='150' y='400' ${FONT} font-size='42'>Signed: Zhang San, 1985-03-02</text>`),
      'a lone page number': svg(`<text x='590' y='1650' ${FONT} font-size='36'>- 7 -</text>`),
      'three lines of thin handwriting': svg([0, 1, 2].map((i) => `<path d='M150 ${500 + i * 110} q40 -60 80 0 t80 0 t80 0 t80 0 t80 0 t80 0' stroke='#333' stroke-width='3' fill='none'/>`).join('')),
      'faint pencil': svg(lines(6, '#b0b0b0')),
    };
    for (const [what, image] of Object.entries(written)) {
      const r = await analyse(image);
      expect(r.blank.blank, what).toBe(false);
    }
  });

  it('calls a side blank despite dust, grain, show-through, an edge shadow, punch holes and yellowing', async () => {
    const blanks = {
      dust: svg(`<circle cx='300' cy='400' r='3' fill='#222'/><circle cx='900' cy='1300' r='4' fill='#333'/><rect x='600' y='900' width='2' height='2' fill='#000'/>`),
      'show-through from the other side': svg(lines(12, '#e6e6e6')),
      'edge shadow': svg(`<rect x='12' y='0' width='6' height='${H}' fill='#777'/>`),
      'punch holes on a dark scanner lid': svg(`<rect x='60' y='70' width='1120' height='1620' fill='#fbfaf6'/><circle cx='160' cy='600' r='36' fill='#181818'/><circle cx='160' cy='1150' r='36' fill='#181818'/>`, '#181818'),
    };
    for (const [what, image] of Object.entries(blanks)) {
      const r = await analyse(image);
      expect(r.blank.blank, `${what}: ${JSON.stringify(r.blank)}`).toBe(true);
    }
    const holes = await analyse(blanks['punch holes on a dark scanner lid']);
    expect(holes.blank.ignored.holes).toBe(2);
    // The benchmark's blank sides: dust, scanner grain with specks, yellowed paper.
    for (const v of [{ blank: true, noise: true }, { blank: true, noise: true, yellowed: true }]) {
      const page = await generatePage(11, { ...v, width: W, height: H });
      const r = await analyse(page.jpeg);
      expect(r.blank.blank, JSON.stringify(v)).toBe(true);
      expect(r.blank.ignored.specks).toBeGreaterThan(50);
    }
  });
});

describe('colour pages', () => {
  it('keeps colour for a small red name seal, a seal over the text and a red header', async () => {
    const seal = `<rect x='900' y='1300' width='177' height='177' fill='none' stroke='#c8102e' stroke-width='12'/><text x='930' y='1410' ${FONT} font-size='60' fill='#c8102e'>ZS</text>`;
    const overText = `<circle cx='400' cy='330' r='120' fill='none' stroke='#d01818' stroke-width='10' opacity='0.85'/>`;
    const header = `<rect x='150' y='150' width='940' height='12' fill='#cc0000'/>`;
    for (const [what, body] of Object.entries({ seal, overText, header })) {
      const r = await analyse(svg(lines(10) + body));
      expect(r.colour.colour, `${what}: ${JSON.stringify(r.colour)}`).toBe(true);
    }
  });

  it('calls black text on yellowed paper, or with the colour fringes of a scanner, greyscale', async () => {
    const yellowed = await analyse(svg(lines(14), '#e6d3a0'));
    expect(yellowed.colour).toEqual({ colour: false, colourAreaMm2: 0 });
    expect(yellowed.blank.blank).toBe(false);
    // Red and blue rows of the sensor half a pixel off each way: fringes along every stroke.
    const fringed = await analyse(svg(lines(22, 'black', 40)), (data, width) => {
      const copy = Buffer.from(data);
      for (let i = 3; i < data.length - 3; i += 3) {
        if ((i / 3) % width === 0 || (i / 3) % width === width - 1) continue;
        data[i] = ((copy[i] ?? 0) + (copy[i + 3] ?? 0)) >> 1;
        data[i + 2] = ((copy[i + 2] ?? 0) + (copy[i - 1] ?? 0)) >> 1;
      }
    });
    expect(fringed.colour.colour, JSON.stringify(fringed.colour)).toBe(false);
    // The same page in blue ink is colour.
    expect((await analyse(svg(lines(14, '#1a2a9a')))).colour.colour).toBe(true);
  });

  it('analyses an A4 page at 300 dpi in well under a second', async () => {
    const { data, info } = await sharp(svg(lines(20), 'white', [2480, 3508])).flatten({ background: '#fff' }).raw().toBuffer({ resolveWithObject: true });
    const started = performance.now();
    const r = await analysePage({ data, width: info.width, height: info.height, channels: 3 }, 300);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(r.blank.blank).toBe(false);
    // A greyscale scan (one channel) is never colour and is judged for blank the same way.
    const grey = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).extractChannel(1).raw().toBuffer();
    const g = await analysePage({ data: grey, width: info.width, height: info.height, channels: 1 }, 300);
    expect(g.colour).toEqual({ colour: false, colourAreaMm2: 0 });
    expect(g.blank.blank).toBe(false);
    expect(g.blank.writingMarks).toBeGreaterThan(200);
  });
});
