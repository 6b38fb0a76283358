/** A sentence as a span of its document: `text === documentText.slice(start, end)` always holds. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * Abbreviations after which Intl.Segmenter wrongly ends a sentence. Kept short and targeted:
 * each entry is here because a real news sentence broke on it.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'jr', 'sr', 'no', 'vs', 'etc', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'inc', 'ltd', 'co', 'corp', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e',
  'г', 'гг', 'т', 'тыс', 'млн', 'млрд', 'руб', 'им', 'ул', 'см', 'т.е', 'т.д', 'т.п', 'др',
]);

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * Splits a document into sentences with offsets into the original text. Line breaks always end a
 * sentence (titles and list items have no final stop), and spans never include surrounding whitespace.
 */
export function splitSentences(text: string, locale = 'en'): SentenceSpan[] {
  const spans: Array<{ start: number; end: number }> = [];
  const linePattern = /[^\r\n]+/g;
  for (let line = linePattern.exec(text); line; line = linePattern.exec(text)) {
    spans.push(...splitLine(line[0], line.index, locale));
  }
  return spans.map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}

function splitLine(line: string, offset: number, locale: string): Array<{ start: number; end: number }> {
  const raw: Array<{ start: number; end: number }> = [];
  for (const segment of segmenterFor(locale).segment(line)) {
    for (const piece of splitBeforeDigits(line, segment.index, segment.index + segment.segment.length)) {
      const trimmed = trimSpan(line, piece.start, piece.end);
      if (trimmed) raw.push(trimmed);
    }
  }
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of raw) {
    const previous = merged.at(-1);
    if (previous && shouldJoin(line.slice(previous.start, previous.end), line.slice(span.start, span.end))) {
      previous.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged.map(({ start, end }) => ({ start: start + offset, end: end + offset }));
}

/** ICU never starts a sentence with a digit ("…these events. 62 people have…"); news often does. */
function splitBeforeDigits(line: string, start: number, end: number): Array<{ start: number; end: number }> {
  const pieces: Array<{ start: number; end: number }> = [];
  const boundary = /[.!?][”"’»)]?\s+(?=\d)/g;
  boundary.lastIndex = start;
  let pieceStart = start;
  for (let match = boundary.exec(line); match && match.index < end; match = boundary.exec(line)) {
    const cut = match.index + match[0].trimEnd().length;
    if (!endsWithAbbreviation(line.slice(pieceStart, cut))) {
      pieces.push({ start: pieceStart, end: cut });
      pieceStart = cut;
    }
  }
  pieces.push({ start: pieceStart, end });
  return pieces;
}

function trimSpan(line: string, start: number, end: number): { start: number; end: number } | undefined {
  while (start < end && /\s/.test(line[start] as string)) start++;
  while (end > start && /\s/.test(line[end - 1] as string)) end--;
  return start < end ? { start, end } : undefined;
}

/** The targeted fixes: abbreviations, initials, and a next piece that cannot start a sentence. */
function shouldJoin(previous: string, next: string): boolean {
  return endsWithAbbreviation(previous) || /^[\p{Ll},;:)\]»”’]/u.test(next);
}

/** "Dr.", "Jan.", "т.е." or a single initial such as the "K." in "K. Tokayev". */
function endsWithAbbreviation(text: string): boolean {
  const lastWord = /(?:^|[\s(“"«])([\p{L}.]+)\.$/u.exec(text)?.[1];
  if (lastWord === undefined) return false;
  return ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord);
}
