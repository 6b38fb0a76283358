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
  ['sentenc', 'sentence', 'convict', 'conviction', 'jail', 'prison', 'осужд', 'приговор', 'сотта'],
  ['riot', 'rioter', 'unrest', 'protest', 'protester', 'rally', 'demonstration', 'demonstrat', 'pogrom', 'беспор', 'митинг', 'протест', 'тәртіпсіз'],
  ['releas', 'release', 'free', 'fre', 'освобо'],
  // An adverb ("freely visited"), not a release: without its own entry it would be stemmed to "free".
  ['freely'],
  ['investigation', 'investigat', 'probe', 'inquiry', 'check', 'verify', 'verif', 'review', 'examin', 'расслед', 'провер', 'тергеу', 'тексер'],
  ['find', 'found', 'recover', 'retriev', 'найд', 'нашл'],
  ['instruct', 'instruction', 'order', 'told', 'tell', 'поруч', 'приказ'],
  ['torture', 'tortur', 'пыт', 'азаптау'],
  ['prosecut', 'prosecution', 'charg', 'charge', 'indict', 'accus', 'преслед', 'обвин'],
  ['steal', 'stole', 'stolen', 'loot', 'theft', 'похищ', 'украд', 'хищен'],
  ['gas', 'fuel', 'lpg', 'газ'],
  ['president', 'tokayev', 'head', 'президент', 'токаев'],
  ['center', 'centre', 'centr'],
  ['polic', 'police', 'policeman', 'policemen', 'cop', 'officer', 'полици', 'полице', 'милици'],
  ['peopl', 'person', 'individual', 'citizen', 'ppl', 'челове', 'люди', 'гражда', 'адам', 'азамат'],
  ['government', 'govt', 'authority', 'authorit', 'власти', 'правит', 'үкімет'],
  ['cas', 'case', 'proceeding', 'дело', 'дела', 'дел'],
  ['ombudsman', 'commissioner', 'омбудс', 'уполно'],
  ['activist', 'правоз'],
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) for (const stem of group) CANONICAL.set(stem, group[0] as string);

/** The group's first entry for a known word or stem (the word is tried first: "free" must not become "fre"). */
export function canonicalTerm(word: string, stem: string): string {
  return CANONICAL.get(word) ?? CANONICAL.get(stem) ?? stem;
}
