/** One line of a PDF page's text layer: its text and where it sits (PDF units, y grows upwards). */
export interface PdfLine {
  text: string;
  y: number;
  height: number;
}

/** A page is its lines in reading order (the content stream's order, which pdf.js keeps). */
export type PdfPage = readonly PdfLine[];

/** How many lines at the top and the bottom of a page may be a running header or footer. */
const EDGE_LINES = 2;

/**
 * Pure: the pages' lines as paragraphs. Running headers and footers (a line at a page's edge that
 * recurs, digits aside, at the edge of every page) are dropped; the lines of a paragraph are joined
 * with a space, and a word hyphenated across a line end is joined whole.
 */
export function pdfText(pages: readonly PdfPage[]): string {
  const running = runningLines(pages);
  const paragraphs: string[] = [];
  for (const page of pages) {
    const kept = page.filter((line, i) => !(isEdge(i, page.length) && running.has(shape(line.text))));
    paragraphs.push(...pageParagraphs(kept));
  }
  return paragraphs.join('\n\n');
}

/** Header and footer shapes: edge lines found at the edge of every page (two pages at least). */
function runningLines(pages: readonly PdfPage[]): Set<string> {
  const withText = pages.filter((page) => page.length > 0);
  if (withText.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const page of withText) {
    const edges = new Set(page.filter((_, i) => isEdge(i, page.length)).map((line) => shape(line.text)));
    for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count === withText.length).map(([edge]) => edge));
}

const isEdge = (index: number, length: number) => index < EDGE_LINES || index >= length - EDGE_LINES;

/** Page numbers change from page to page; the line around them does not. */
const shape = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * A new paragraph starts where the gap to the previous line is clearly wider than the page's usual
 * line spacing (or, whatever the spacing, wider than 2.6 line heights: a page with few lines has no
 * usual spacing to go by), or where the text jumps up (a new column).
 */
function pageParagraphs(lines: PdfPage): string[] {
  const spacing = usualSpacing(lines);
  const paragraphs: string[][] = [];
  let current: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    if (previous && (gap > Math.min(spacing * 1.4, line.height * 2.6) || gap < -line.height)) {
      paragraphs.push(current);
      current = [];
    }
    current.push(line.text);
  });
  paragraphs.push(current);
  return paragraphs.map(joinLines).filter((paragraph) => paragraph !== '');
}

/** The median distance between consecutive lines going down the page. */
function usualSpacing(lines: PdfPage): number {
  const gaps = lines
    .slice(1)
    .map((line, i) => (lines[i] as PdfLine).y - line.y)
    .filter((gap) => gap > 0)
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  return median ?? Math.max(...lines.map((line) => line.height), 1) * 1.2;
}

/**
 * Joins a paragraph's lines; "govern-" + "ment" becomes "government" and a soft hyphen goes too,
 * while "Almaty-" + "Astana" keeps its hyphen (a capital after it: a compound, not a split word).
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    if (text === '') text = line;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else if (/\p{L}-$/u.test(text)) text += line;
    else if (text.endsWith('\u00AD')) text = text.slice(0, -1) + line;
    else text = `${text} ${line}`;
  }
  return text;
}
