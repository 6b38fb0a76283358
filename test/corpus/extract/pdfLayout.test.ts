import { describe, expect, it } from 'vitest';
import { joinLines, pdfText, type PdfLine } from '../../../src/corpus/extract/pdfLayout.js';

const line = (text: string, y: number, height = 10): PdfLine => ({ text, y, height });

describe('joinLines', () => {
  it.each([
    [['about two thousand were detain-', 'ed by police'], 'about two thousand were detained by police'],
    [['задер-', 'жаны'], 'задержаны'],
    [['Almaty-', 'Astana road'], 'Almaty-Astana road'],
    [['soft\u00AD', 'hyphen'], 'softhyphen'],
    [['  spaced   out ', '', 'line '], 'spaced out line'],
    [['ends with a dash -', 'next'], 'ends with a dash - next'],
  ])('%j → %s', (lines, joined) => {
    expect(joinLines(lines)).toBe(joined);
  });
});

describe('pdfText', () => {
  const page = (n: number, body: PdfLine[]) => [line('Report title', 780), ...body, line(`- ${n} -`, 20)];

  it('drops a header and a page-number footer found on every page, and splits paragraphs on wide gaps', () => {
    const pages = [
      page(1, [line('First line of a', 700), line('paragraph.', 688), line('Second paragraph.', 660)]),
      page(2, [line('Third paragraph.', 700)]),
    ];
    expect(pdfText(pages)).toBe('First line of a paragraph.\n\nSecond paragraph.\n\nThird paragraph.');
  });

  it('keeps an edge line that is not on every page', () => {
    const pages = [
      [line('Chapter one', 780), line('Body one.', 700)],
      [line('Chapter two', 780), line('Body two.', 700)],
    ];
    expect(pdfText(pages)).toBe('Chapter one\n\nBody one.\n\nChapter two\n\nBody two.');
  });

  it('starts a new paragraph where the text jumps up to a new column', () => {
    expect(pdfText([[line('Left column end.', 100), line('Right column start.', 700)]])).toBe('Left column end.\n\nRight column start.');
  });

  it('gives nothing for pages without lines', () => {
    expect(pdfText([[], []])).toBe('');
  });
});
