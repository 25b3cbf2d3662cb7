import 'server-only';
import { AlignmentType, Document, Footer, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { BriefingDocument } from './document';

// The briefing as a Word document: A4, Times-like spacing of a government paper, one style
// for each kind of block. Text only, so it opens the same in Word and LibreOffice.

const FONT = 'Times New Roman';

export async function renderDocx(doc: BriefingDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: doc.title, bold: true, size: 28 })] }),
  ];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title':
      case 'subtitle':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: b.text, bold: true, size: 28 })] }));
        break;
      case 'heading':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: b.text, bold: true, size: 28 })] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 709 }, spacing: { after: 120 }, children: [new TextRun({ text: b.text, size: 28 })] }));
        break;
      case 'list':
        for (const item of b.items) {
          children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { left: 709, hanging: 283 }, spacing: { after: 60 }, children: [new TextRun({ text: `– ${item}`, size: 28 })] }));
        }
        break;
    }
  }
  const document = new Document({
    creator: 'Kezdesu',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [{
      properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
      footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ text: doc.footer, size: 18, color: '555555' })] })] }) },
      children,
    }],
  });
  return Packer.toBuffer(document);
}
