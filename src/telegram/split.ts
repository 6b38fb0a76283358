/**
 * Splitting long texts for Telegram's 4096-character limit. Splitting happens on the raw text, before
 * any markup is added, and each piece is wrapped on its own: a cut can never land inside a tag or an
 * entity, and every message stays balanced HTML.
 */

/** After ., !, ? or … (with any closing quotes or brackets) and whitespace, or after a line break. */
const SENTENCE_END = /(?<=[.!?…]['"”’»)\]]*\s+)|(?<=\n)/u;
const WORD_END = /(?<=\s)/u;

/**
 * Cuts `text` into pieces for which `fits` holds, preferring sentence boundaries, then word
 * boundaries, and only as a last resort code points (never half of a surrogate pair).
 * `fits` receives raw text, so it can measure the rendered HTML, escapes included.
 */
export function splitToFit(text: string, test: (piece: string) => boolean): string[] {
  // Pieces are trimmed when emitted, so whitespace at a cut must not count against the limit.
  const fits = (piece: string) => test(piece.trim());
  if (fits(text)) return [text.trim()];
  const pieces: string[] = [];
  let current = '';
  for (const unit of units(text, fits)) {
    if (current === '' || fits(current + unit)) {
      current += unit;
      continue;
    }
    pieces.push(current);
    current = unit;
  }
  if (current !== '') pieces.push(current);
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

/** The smallest pieces worth keeping whole: sentences, or words of a sentence that alone is too long. */
function* units(text: string, fits: (piece: string) => boolean): Generator<string> {
  for (const sentence of text.split(SENTENCE_END)) {
    if (fits(sentence)) {
      yield sentence;
      continue;
    }
    for (const word of sentence.split(WORD_END)) {
      if (fits(word)) yield word;
      else yield* codePointChunks(word, fits);
    }
  }
}

function* codePointChunks(word: string, fits: (piece: string) => boolean): Generator<string> {
  let chunk = '';
  for (const char of word) {
    if (chunk !== '' && !fits(chunk + char)) {
      yield chunk;
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') yield chunk;
}

/**
 * Joins balanced HTML blocks (a lead, a quote with its source, a list line) into as few messages as
 * fit the limit. Blocks are never cut here; callers make each block fit on its own.
 */
export function packBlocks(blocks: readonly string[], limit: number, separator = '\n\n'): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const joined = current === '' ? block : `${current}${separator}${block}`;
    if (current === '' || joined.length <= limit) {
      current = joined;
      continue;
    }
    messages.push(current);
    current = block;
  }
  if (current !== '') messages.push(current);
  return messages;
}
