import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/corpus/extract/pdf.js';
import { scannedPdf, twoPageReport } from '../../../scripts/bench/reportPdf.js';
import { writePdf } from '../../../scripts/bench/pdfWriter.js';

describe('extractPdf (pdf.js over generated PDFs)', () => {
  it('reads a two-page report as paragraphs, joining lines and hyphenated words and dropping header and footer', async () => {
    const pages: number[] = [];
    const outcome = await extractPdf(twoPageReport(), (done) => pages.push(done));
    expect(outcome).toEqual({
      ok: true,
      value: {
        text: [
          'During the January events in Almaty about two thousand people were detained by the police, and many of them reported beatings in the first days after their arrest.',
          'The monitors interviewed 56 former detainees.',
          'Lawyers were denied access to their clients for up to five days in several police stations.',
        ].join('\n\n'),
        title: 'January Events Report',
        author: undefined,
        date: '2022-01-10',
      },
    });
    expect(pages).toEqual([1, 2]);
  });

  it('refuses a PDF whose pages are images without a text layer', async () => {
    expect(await extractPdf(scannedPdf())).toMatchObject({ ok: false, reason: 'no-text' });
  });

  it('refuses a password-protected PDF as encrypted', async () => {
    const locked = writePdf([{ lines: [{ text: 'Secret text.', y: 700 }] }], { passwordProtected: true });
    expect(await extractPdf(locked)).toMatchObject({ ok: false, reason: 'encrypted' });
  });

  it('stops reading between pages when the time budget is spent', async () => {
    expect(await extractPdf(twoPageReport(), undefined, 0)).toMatchObject({ ok: false, reason: 'unreadable', detail: 'reading stopped after 0 of 2 pages (0 s)' });
  });

  it('says a file that is not a PDF is unreadable instead of throwing', async () => {
    expect(await extractPdf(new TextEncoder().encode('%PDF-1.4 then nothing useful'))).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('keeps a one-page PDF whole: with one page nothing counts as a running header', async () => {
    const outcome = await extractPdf(writePdf([{ lines: [{ text: 'Only page heading', y: 760 }, { text: 'Body text here.', y: 700 }] }]));
    expect(outcome).toMatchObject({ ok: true, value: { text: 'Only page heading\n\nBody text here.' } });
  });
});
