/**
 * A tiny PDF writer for the PDF bench and the extraction tests: real text operators in a valid file,
 * so pdf.js reads it the way it reads a report, without a binary fixture in the repo.
 */
/** One line of text placed on a PDF page, in points from the bottom left. */
export interface PdfTextLine {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

export type PdfPageSpec = { lines: PdfTextLine[] } | { image: true };

/**
 * A minimal but valid PDF 1.4 (Helvetica, WinAnsi text): each page either draws text lines with
 * real text operators, or paints a grey image and no text at all, the way a scanned page looks.
 */
export function writePdf(pages: PdfPageSpec[], info: { title?: string; passwordProtected?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageIds = pages.map((_, i) => 5 + i * 2);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pixels = Buffer.alloc(64 * 64, 0x99).toString('latin1');
  add(`<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`);
  for (const [i, page] of pages.entries()) {
    const content = 'lines' in page ? page.lines.map(textOperator).join('\n') : 'q 500 0 0 700 50 50 cm /Im1 Do Q';
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  }
  const infoId = info.title ? objects.push(`<< /Title (${escapePdf(info.title)}) /CreationDate (D:20220110120000Z) >>`) : undefined;
  // A standard security handler whose check values match no password, the empty one included: a reader must ask for one.
  const encryptId = info.passwordProtected ? objects.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : undefined;
  return serialize(objects, infoId, encryptId);
}

function textOperator(line: PdfTextLine): string {
  return `BT /F1 ${line.size ?? 11} Tf ${line.x ?? 72} ${line.y} Td (${escapePdf(line.text)}) Tj ET`;
}

const escapePdf = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`);

function serialize(objects: string[], infoId: number | undefined, encryptId: number | undefined): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const encrypt = encryptId ? ` /Encrypt ${encryptId} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoId ? ` /Info ${infoId} 0 R` : ''}${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
