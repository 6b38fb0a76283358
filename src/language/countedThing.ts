import { tokenize } from '../language/tokenize.js';

/**
 * What a "how many" question counts, as the word: "police" in "How many police officers were
 * killed?". A sentence that counts something else ("230 people died") does not answer it, even
 * with the right verb. The first content word after the question phrase is taken: the head would
 * be the verb in "How many people died?".
 */
export function countedWord(question: string, isStopWord: (word: string) => boolean): string | null {
  const match = /(?:\bhow many|\bnumber of|сколько|(?<!\p{L})қанша|(?<!\p{L})неше)\s+(.+)/iu.exec(question);
  if (!match) return null;
  for (const word of tokenize(match[1] as string)) {
    if (COUNTED_LEAD_IN.has(word)) continue;
    // Any other stop word is a verb or a pronoun: "How many were detained?" names nothing.
    return isStopWord(word) ? null : word;
  }
  return null;
}

/** Words between "how many" and the counted noun: "how many of the people". */
const COUNTED_LEAD_IN = new Set(['of', 'the', 'these', 'those', 'its', 'their', 'more', 'other', 'всего', 'же']);
