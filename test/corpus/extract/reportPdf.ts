import { type PdfPageSpec, type PdfTextLine, writePdf } from './fixtures.js';

/** Lines of one page with the running header and footer a report prints on every page. */
function reportPage(number: number, pages: number, body: PdfTextLine[]): PdfPageSpec {
  return {
    lines: [
      { text: 'Human Rights Monitor - January Events Report', y: 760, size: 9 },
      ...body,
      { text: `Page ${number} of ${pages}`, x: 280, y: 30, size: 9 },
    ],
  };
}

/** Body lines from the top down: 14 pt apart within a paragraph, 28 pt between paragraphs. */
function paragraphs(lines: string[][], top = 700): PdfTextLine[] {
  const out: PdfTextLine[] = [];
  let y = top;
  for (const paragraph of lines) {
    for (const text of paragraph) {
      out.push({ text, y });
      y -= 14;
    }
    y -= 14;
  }
  return out;
}

/**
 * Two pages: the first paragraph is broken across three lines with "detain-" / "ed" hyphenated at
 * a line end; the second page carries on with its own paragraph. Header and footer repeat.
 */
export function twoPageReport(): Uint8Array {
  return writePdf(
    [
      reportPage(1, 2, paragraphs([
        ['During the January events in Almaty about two thousand people were detain-', 'ed by the police, and many of them reported beatings', 'in the first days after their arrest.'],
        ['The monitors interviewed 56 former detainees.'],
      ])),
      reportPage(2, 2, paragraphs([['Lawyers were denied access to their clients for up to', 'five days in several police stations.']])),
    ],
    { title: 'January Events Report' },
  );
}

/** A longer report for the bench: `pages` pages of a few paragraphs each, with header and footer. */
export function longReport(pages: number): Uint8Array {
  const specs: PdfPageSpec[] = [];
  for (let page = 1; page <= pages; page += 1) {
    const body = Array.from({ length: 8 }, (_, p) =>
      Array.from({ length: 5 }, (_, line) => `Section ${page}.${p + 1}, line ${line + 1}: witnesses in Almaty and Taldykorgan described detentions, beatings and`),
    );
    specs.push(reportPage(page, pages, paragraphs(body, 740)));
  }
  return writePdf(specs, { title: `Report of ${pages} pages` });
}

/** One page that is only an image, the way a scanned page is. */
export const scannedPdf = (): Uint8Array => writePdf([{ image: true }, { image: true }]);
