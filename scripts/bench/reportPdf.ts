import { type PdfPageSpec, type PdfTextLine, writePdf } from './pdfWriter.js';

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

const WORDS = (
  'detainees lawyers police station Almaty Taldykorgan Shymkent witnesses families reported beatings custody hours days ' +
  'investigators prosecutors court hearing access counsel medical examination injuries released charged curfew protest ' +
  'square administration building soldiers checkpoint internet shutdown January emergency monitors interviewed documented'
).split(' ');

/** Deterministic prose: sentences of 12-24 words, wrapped at about 95 characters, different for each seed. */
function prose(seed: number, sentences: number): string[] {
  let state = seed * 7919 + 17;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words: string[] = [];
  for (let i = 0; i < sentences; i += 1) {
    const length = 12 + Math.floor(next() * 13);
    const sentence = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)] as string);
    sentence[0] = `${sentence[0]![0]!.toUpperCase()}${sentence[0]!.slice(1)}`;
    words.push(...sentence.slice(0, -1), `${sentence.at(-1)}.`);
  }
  const lines: string[] = [];
  for (const word of words) {
    if (lines.length > 0 && `${lines.at(-1)} ${word}`.length <= 95) lines[lines.length - 1] = `${lines.at(-1)} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A report of `pages` pages, each with 6 paragraphs of 3 sentences (~330 words a page) and a running header and footer. */
export function longReport(pages: number, seed = 1): Uint8Array {
  const specs: PdfPageSpec[] = [];
  for (let page = 1; page <= pages; page += 1) {
    const body = Array.from({ length: 6 }, (_, p) => prose(seed * 10_000 + page * 10 + p, 3));
    specs.push(reportPage(page, pages, paragraphs(body, 740)));
  }
  return writePdf(specs, { title: `Monitoring report ${seed}` });
}

/** One page that is only an image, the way a scanned page is. */
export const scannedPdf = (): Uint8Array => writePdf([{ image: true }, { image: true }]);
