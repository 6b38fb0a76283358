/**
 * A small thesaurus for news about unrest, applied to stems on both sides. The static model knows
 * words but weakly knows that "arrested" and "detained" report the same fact; lexical evidence then
 * recovers it. Every group is a set of words a reporter and a reader use interchangeably; none names
 * a fact of any particular document.
 */
const GROUPS: readonly string[][] = [
  ['die', 'kill', 'toll', 'liv', 'fatality', 'fatalit', 'casualty', 'casualti', 'live', 'погиб', 'погибл', 'смерт', 'убит', 'қаза'],
  ['detain', 'detainee', 'detaine', 'detention', 'detent', 'arrest', 'custody', 'задерж', 'арест', 'ұстал'],
  ['weapon', 'weaponry', 'gun', 'firearm', 'arm', 'rifl', 'pistol', 'ammunit', 'оруж', 'қару'],
  ['damage', 'loss', 'cost', 'destruct', 'destroy', 'ущерб', 'убыт', 'шығын', 'разруш', 'уничто'],
  ['sentenc', 'sentence', 'convict', 'conviction', 'jail', 'prison', 'осужд', 'пригов', 'сотта'],
  ['riot', 'rioter', 'unrest', 'protest', 'protester', 'rally', 'demonstration', 'demonstrat', 'pogrom', 'беспор', 'митинг', 'протес', 'тәртіп'],
  ['releas', 'release', 'free', 'fre', 'освобо'],
  // An adverb ("freely visited"), not a release: without its own entry it would be stemmed to "free".
  ['freely'],
  ['investigation', 'investigat', 'probe', 'inquiry', 'check', 'verify', 'verifi', 'verificat', 'review', 'examin', 'examinat', 'рассле', 'провер', 'тергеу', 'тексер'],
  ['find', 'found', 'recover', 'retriev', 'найд', 'нашл'],
  ['instruct', 'instruction', 'order', 'told', 'tell', 'поруч', 'приказ'],
  ['torture', 'tortur', 'пытк', 'пыток', 'азапта'],
  ['prosecut', 'prosecution', 'charg', 'charge', 'indict', 'accus', 'accusat', 'пресле', 'обвин'],
  ['steal', 'stole', 'stolen', 'loot', 'theft', 'похищ', 'похит', 'украд', 'хищен'],
  ['gas', 'fuel', 'lpg', 'газ'],
  ['president', 'tokayev', 'head', 'презид', 'токаев'],
  ['center', 'centre', 'centr'],
  ['polic', 'police', 'policeman', 'policemen', 'cop', 'officer', 'полици', 'полице', 'милици'],
  // Whole Cyrillic forms, not prefixes: "права человека" and "адам құқықтары" are human rights, not people.
  ['peopl', 'person', 'individual', 'citizen', 'participant', 'ppl', 'человек', 'люди', 'людей', 'граждане', 'граждан', 'адамдар', 'азаматтар'],
  ['government', 'govt', 'authority', 'власти', 'власть', 'правит', 'үкімет'],
  // English only: "дело" is also "в чём дело", and "дел" the police ministry (МВД).
  ['cas', 'case', 'proceeding'],
  ['ombudsman', 'commissioner', 'омбудс'],
  ['activist', 'правоз'],
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) for (const stem of group) CANONICAL.set(stem, group[0] as string);

/**
 * Cyrillic words are matched by their first 6 letters at most, and a thesaurus entry of 4–6 letters
 * is a prefix: "оруж" covers "оружие" and "оружия". Shorter entries would catch unrelated words
 * ("пыт" would take "пытаться", to try, for torture), so they match whole words only.
 */
export const CYRILLIC_STEM_LENGTH = 6;
const CYRILLIC_MIN_PREFIX = 4;

/** The group's first entry for a Cyrillic word, by the whole word or its longest listed prefix; else its 6-letter stem. */
export function canonicalCyrillicTerm(word: string): string {
  for (let length = Math.min(word.length, CYRILLIC_STEM_LENGTH); length >= CYRILLIC_MIN_PREFIX; length--) {
    const canonical = CANONICAL.get(length === word.length ? word : word.slice(0, length));
    if (canonical) return canonical;
  }
  return CANONICAL.get(word) ?? word.slice(0, CYRILLIC_STEM_LENGTH);
}

/** The group's first entry for a known word or stem (the word is tried first: "free" must not become "fre"). */
export function canonicalTerm(word: string, stem: string): string {
  return CANONICAL.get(word) ?? CANONICAL.get(stem) ?? stem;
}
