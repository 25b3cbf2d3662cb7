import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { BriefingDocument } from './document';

// The briefing as a PDF, made in Node by pdfkit: no browser, no office suite. Noto Sans is
// embedded (subset) because the standard PDF fonts have no Cyrillic, let alone ә, ғ, қ, ң, ө, ұ, ү, һ, і.

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans');
export const PDF_FONTS = {
  regular: path.join(FONT_DIR, '400Regular', 'NotoSans_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold', 'NotoSans_700Bold.ttf'),
};

let fontData: { regular: Buffer; bold: Buffer } | null = null;
// The ignore comments keep the bundler from tracing the whole project for a path it cannot
// resolve statically; next.config.js names the two font files for output tracing instead.
const fonts = () => (fontData ??= {
  regular: fs.readFileSync(/*turbopackIgnore: true*/ PDF_FONTS.regular),
  bold: fs.readFileSync(/*turbopackIgnore: true*/ PDF_FONTS.bold),
});

export function renderPdf(doc: BriefingDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4', margins: { top: 56, bottom: 64, left: 85, right: 42 }, bufferPages: true,
      // No default font: Helvetica would be read from pdfkit's own files, which a bundle leaves behind.
      lang: doc.lang, info: { Title: doc.title, Creator: 'Kezdesu' }, font: '',
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const { regular, bold } = fonts();
    pdf.registerFont('body', regular);
    pdf.registerFont('bold', bold);
    const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

    pdf.font('bold').fontSize(13).text(doc.title, { align: 'center', width }).moveDown(0.8);
    for (const b of doc.blocks) {
      switch (b.kind) {
        case 'title':
        case 'subtitle':
          pdf.font('bold').fontSize(12).text(b.text, { align: 'center', width }).moveDown(0.8);
          break;
        case 'heading':
          pdf.moveDown(0.4).font('bold').fontSize(12).text(b.text, { align: 'center', width }).moveDown(0.5);
          break;
        case 'paragraph':
          pdf.font('body').fontSize(11).text(b.text, { align: 'justify', indent: 28, width, lineGap: 2 }).moveDown(0.4);
          break;
        case 'list':
          for (const item of b.items) pdf.font('body').fontSize(11).text(`–  ${item}`, pdf.page.margins.left + 28, undefined, { align: 'left', width: width - 28, lineGap: 2 });
          pdf.x = pdf.page.margins.left;
          pdf.moveDown(0.4);
          break;
      }
    }
    // The footer on every page, written once the pages exist.
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      const bottom = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.font('body').fontSize(8).fillColor('#555555').text(`${doc.footer}   ${i + 1}/${range.count}`, pdf.page.margins.left, pdf.page.height - 40, { width, lineBreak: false });
      pdf.page.margins.bottom = bottom;
    }
    pdf.end();
  });
}
