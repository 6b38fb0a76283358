import { normalizeTerm, tokenize } from './terms.js';

/** Words that end the noun phrase after "what is the …". */
const PHRASE_END = new Set(
  'of in from for on at to like during after before by with against between among over under about into since than that which who'.split(' '),
);
const BE = new Set(['is', 'was', 'are', 'were', 'will', 'would']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'today', 'current', 'latest', 'next', 'main']);
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
  const words = tokenize(question);
  const wh = words.findIndex((word) => word === 'what' || word === 'which');
  if (wh < 0 || !BE.has(words[wh + 1] ?? '')) return null;
  let end = wh + 2;
  while (end < words.length && !PHRASE_END.has(words[end] as string)) end++;
  const phrase = words.slice(wh + 2, end).filter((word) => !DETERMINERS.has(word) && !BE.has(word));
  const head = phrase.at(-1);
  if (head === undefined || RELATIONAL.has(head)) return null;
  return normalizeTerm(head);
}
