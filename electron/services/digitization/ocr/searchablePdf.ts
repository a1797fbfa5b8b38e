/**
 * A searchable PDF: each page is the scan at its physical size (from its dpi) with the OCR
 * engine's text-only PDF page drawn over it, so the text is invisible but found and selected
 * where it stands on the scan.
 */
import { PDFDocument } from 'pdf-lib';
import type { SearchablePdfPage } from '../ports';

export async function buildSearchablePdf(pages: SearchablePdfPage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreator('ArchiveDesk 档案工作站');
  doc.setProducer('ArchiveDesk 档案工作站');
  for (const p of pages) {
    const width = (p.widthPx / p.dpi) * 72;
    const height = (p.heightPx / p.dpi) * 72;
    const page = doc.addPage([width, height]);
    page.drawImage(await doc.embedJpg(p.jpeg), { x: 0, y: 0, width, height });
    if (p.textPdf) {
      const [text] = await doc.embedPdf(p.textPdf, [0]);
      // The text page was made from a scaled copy of the scan: stretched back over the whole page.
      if (text) page.drawPage(text, { x: 0, y: 0, width, height });
    }
  }
  return doc.save();
}
