import { canonicalCyrillicTerm, canonicalTerm } from './synonyms.js';

/**
 * Word-level normalisation shared by BM25 and sentence scoring, so both agree on what a "match" is.
 * Deliberately crude: suffix stripping for English and prefix truncation for Cyrillic words is enough
 * to match "killed"/"kill" or "погибли"/"погибших" without shipping a stemmer per language.
 */
const STOPWORDS = new Set(
  (
    'a an the of in on at to for by with from into onto about as and or but if than then so not no nor ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may might must ' +
    'what which who whom whose how many much when where why that this these those there here ' +
    'it its i me my we our you your he him his she her they them their ' +
    'any all some also just only very more most such same other each every both either neither ' +
    'tell please say said according know known give get got make made set go goes went gone going ' +
    'actually really roughly approximately eventually already still yet ever even anyone anybody someone somebody anything something whats up out back ' +
    'while until because although though whether ' +
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от ' +
    'меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там ' +
    'потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под ' +
    'будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее были куда зачем всех ' +
    'никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту ' +
    'моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между сколько ' +
    'және мен да де бен пен бұл осы ол не неше қанша қашан қандай кім ма ме ба бе па пе үшін туралы'
  ).split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;

/** Lower-cased word tokens, possessives dropped; numbers kept (thousands separators removed). */
export function tokenize(text: string): string[] {
  const normalised = text.replace(/(\d)[,\u00A0\u202F ](?=\d{3}\b)/g, '$1');
  return (normalised.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/[’'](s|ы|і)?$/u, ''));
}

/** A content term (stemmed, then mapped to its synonym group), or null for a stop word. */
export function normalizeTerm(word: string): string | null {
  if (STOPWORDS.has(word) || word.length < 2 && !/\d/.test(word)) return null;
  if (/[\u0400-\u04FF]/.test(word)) return canonicalCyrillicTerm(word);
  return canonicalTerm(word, stemEnglish(word));
}

export function contentTerms(text: string): string[] {
  return tokenize(text).flatMap((word) => normalizeTerm(word) ?? []);
}

/** Irregular forms that suffix stripping cannot join, common in casualty reporting. */
const IRREGULAR: Record<string, string> = { died: 'die', dies: 'die', dying: 'die', dead: 'die', death: 'die', deaths: 'die' };

function stemEnglish(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (/\d/.test(word) || word.length <= 3) return word;
  const rules: Array<[RegExp, string]> = [
    [/(.{3,})ies$/, '$1y'],
    [/(.{4,})ions?$/, '$1'],
    [/(ss)$/, '$1'],
    [/^(.{3,}?)(ing|ed|es|s|e)$/, '$1'],
    [/(.{4,})ly$/, '$1'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}
