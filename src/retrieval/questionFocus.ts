import { normalizeTerm, tokenize } from './terms.js';

/** Words that end the noun phrase after "what is the …". */
const PHRASE_END = new Set(
  'of in from for on at to like during after before by with against between among over under about into since than that which who'.split(' '),
);
const BE = new Set(['is', 'was', 'are', 'were', 'will', 'would']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'of', 'for', 'from', 'to', 'by', 'with', 'about', 'during']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'today', 'current', 'latest', 'next', 'main']);
/** Time and degree words that can close a noun phrase without being its head ("the death toll so far"). */
const ADVERBS = new Set('now far overall today currently exactly precisely roughly approximately altogether total then yet still already'.split(' '));
/**
 * Heads that name a relation, not a thing: in "what was the role of the Ombudsman" the documents need
 * not say "role", so such a head is no evidence either way.
 */
const RELATIONAL = new Set(
  ('role reason cause result outcome effect consequence purpose point meaning position situation status response reaction view ' +
    'opinion attitude stance goal aim idea story news case name number amount size level scale extent share part kind type ' +
    'difference relation relationship connection link')
    .split(' '),
);

/**
 * The head noun of "what/which is|was|are|were [the] … [of …]", as a content term: "population" in
 * "What is the population of Kazakhstan?". A question asks about that thing, so a document that never
 * mentions it cannot answer, and a sentence that mentions it is likelier to. Null for other shapes.
 */
export function questionFocus(question: string): string | null {
  // "What's" would lose its verb to the possessive rule of tokenize.
  const words = tokenize(question.replace(/\b(what|which)['’]s\b/giu, '$1 is').replace(/\b(what|which)['’]re\b/giu, '$1 are'));
  const wh = PREPOSITIONS.has(words[0] ?? '') ? 1 : 0;
  if ((words[wh] !== 'what' && words[wh] !== 'which') || !BE.has(words[wh + 1] ?? '')) return null;
  let end = wh + 2;
  while (end < words.length && !PHRASE_END.has(words[end] as string)) end++;
  const phrase = words.slice(wh + 2, end);
  // "What were people rallying against?": the verb is "were rallying", and what is asked is not named.
  if (phrase.some((word) => /ing$/.test(word) && word.length > 4)) return null;
  const head = phrase.filter(couldBeHead).at(-1);
  if (head === undefined || RELATIONAL.has(head) || RELATIONAL.has(head.replace(/s$/, ''))) return null;
  return normalizeTerm(head);
}

/** Participles and adverbs trail a noun phrase ("the damage estimated at", "the toll so far"); they are not its head. */
function couldBeHead(word: string): boolean {
  if (DETERMINERS.has(word) || BE.has(word) || ADVERBS.has(word) || normalizeTerm(word) === null) return false;
  return !/(ed|ly)$/.test(word) || word.length <= 4;
}
