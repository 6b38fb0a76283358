/**
 * Names written in the other script: Cyrillic (Russian and Kazakh letters) to the Latin spellings
 * English texts use, and a rough Latin to Cyrillic for the other direction.
 */

const MAX_SPELLINGS = 8;
const VOWELS = new Set('аеёиоуыэюяәөұүі');

/** Latin options per letter or letter pair, the commonest spelling first. */
const CYRILLIC_TO_LATIN: Record<string, readonly string[]> = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g'], д: ['d'], е: ['e'], ё: ['yo', 'e'], ж: ['zh', 'j'], з: ['z'],
  и: ['i'], й: ['y', 'i'], к: ['k'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'],
  т: ['t'], у: ['u'], ф: ['f'], х: ['kh', 'h'], ц: ['ts', 'c'], ч: ['ch'], ш: ['sh'], щ: ['shch', 'sch'],
  ъ: [''], ы: ['y', 'i'], ь: [''], э: ['a', 'e'], ю: ['yu', 'iu', 'u'], я: ['ya', 'ia'],
  ә: ['a', 'ae'], ғ: ['gh', 'g'], қ: ['k', 'q'], ң: ['ng', 'n'], ө: ['o', 'oe'], ұ: ['u'], ү: ['u', 'ue'],
  һ: ['h'], і: ['i'],
  дж: ['j', 'dzh'], кс: ['ks', 'x'], ий: ['iy', 'y', 'i'], ый: ['y', 'iy'],
};

/** Options for the letter(s) at `i`, and how many letters they cover. */
function optionsAt(word: string, i: number): { options: readonly string[]; length: number } {
  const pair = word.slice(i, i + 2);
  const pairOptions = CYRILLIC_TO_LATIN[pair];
  if (pair.length === 2 && pairOptions && (!pair.endsWith('й') || i + 2 === word.length)) return { options: pairOptions, length: 2 };
  const letter = word[i]!;
  // э inside a borrowed name is mostly English a (Мэннинг → Manning), at its start e (Эдвард → Edward).
  if (letter === 'э' && i === 0) return { options: ['e', 'a'], length: 1 };
  // е opens a syllable as "ye" at the start of a word and after a vowel: Токаев → Tokayev.
  if (letter === 'е' && (i === 0 || VOWELS.has(word[i - 1]!) || word[i - 1] === 'ь' || word[i - 1] === 'ъ')) {
    return { options: ['ye', 'e'], length: 1 };
  }
  return { options: CYRILLIC_TO_LATIN[letter] ?? [letter], length: 1 };
}

/**
 * Plausible Latin spellings of one Cyrillic word, the commonest first: those that depart from the
 * first choice in fewer places. At most 8: 16 took twice the time and matched no more XQuAD names.
 */
export function latinSpellings(word: string): string[] {
  let spellings: { text: string; departures: number }[] = [{ text: '', departures: 0 }];
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; ) {
    const { options, length } = optionsAt(lower, i);
    spellings = spellings
      .flatMap((s) => options.map((option, k) => ({ text: s.text + option, departures: s.departures + (k > 0 ? 1 : 0) })))
      .sort((a, b) => a.departures - b.departures)
      .slice(0, MAX_SPELLINGS);
    i += length;
  }
  return [...new Set(spellings.map((s) => s.text))];
}

const LATIN_TO_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['sch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['ya', 'я'],
  ['yu', 'ю'], ['yo', 'ё'], ['ye', 'е'], ['iy', 'ий'], ['ck', 'к'], ['ph', 'ф'], ['th', 'т'], ['ee', 'и'], ['oo', 'у'],
  ['a', 'а'], ['b', 'б'], ['c', 'к'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'], ['i', 'и'],
  ['j', 'дж'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'к'], ['r', 'р'],
  ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['w', 'у'], ['x', 'кс'], ['y', 'й'], ['z', 'з'],
];

/** One Cyrillic spelling of a Latin name, letter by letter: good enough to match fuzzily. */
export function cyrillicSpelling(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; ) {
    const match = LATIN_TO_CYRILLIC.find(([latin]) => lower.startsWith(latin, i));
    out += match ? match[1] : lower[i];
    i += match ? match[0].length : 1;
  }
  // y after a consonant is a vowel: Almaty → Алматы.
  return out.replace(/(?<=[бвгджзклмнпрстфхцчшщ])й/gu, 'ы');
}

/** Kazakh letters Russian lacks, as Russian spells them in Kazakh names: Тоқаев → Токаев, Қонаев → Конаев. */
const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };

/** A Kazakh Cyrillic word as Russian texts write it; Russian letters stay. */
export function russianSpelling(word: string): string {
  return [...word.toLowerCase()].map((letter) => KAZAKH_TO_RUSSIAN[letter] ?? letter).join('');
}
