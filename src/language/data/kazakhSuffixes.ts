/**
 * Kazakh inflectional endings, grouped by the slot they fill. Kazakh stacks them in a fixed order,
 * root + verb form + plural + possessive + case + personal ending, so the stripper walks the slots
 * from the outside in and removes at most one ending per slot.
 *
 * Derivations (-лық "-ness", -сыз "without", -шы "doer") are left alone: on KazQAD they merged as
 * many unrelated words (өсімдік "plant" with өсім "growth") as related ones, for no gain.
 *
 * Hand-written from Kazakh grammar and checked against the suffix classes of Debian's hunspell-kk
 * 1.1 (kk_KZ.aff); see README.md in this folder for the source and its licence.
 */
export interface SuffixSlot {
  /** What the slot is, for reading and for test names. */
  readonly name: string;
  /** Endings of the slot; the longest that fits is removed. */
  readonly endings: readonly string[];
  /** Short endings that are also common word ends, removed only after the letters the grammar puts before them. */
  readonly guarded?: readonly GuardedEnding[];
}

/** An ending that may only follow certain letters: short endings that are too often part of a root. */
export interface GuardedEnding {
  readonly ending: string;
  /** The stem left must end like this. */
  readonly after: RegExp;
}

const CONSONANT_END = /[^аәеёиоөуұүыіэюяй]$/u;
const harmony = (...pairs: string[]): string[] => pairs.flatMap((pair) => pair.split('/'));

export const SLOTS_OUTSIDE_IN: readonly SuffixSlot[] = [
  {
    name: 'personal (predicative) ending',
    // only after vowels: after a consonant -бын, -пын read too often as a root's б, п plus -ы-н (тақырыбын)
    endings: harmony('мын/мін', 'мыз/міз', 'сыңдар/сіңдер', 'сыздар/сіздер'),
  },
  {
    name: 'case',
    endings: harmony(
      // present tense, third person: a verb ending, listed here so that it wins over the accusative -ды
      'ады/еді/йды/йді',
      // genitive
      'ның/нің/дың/дің/тың/тің',
      // dative
      'ға/ге/қа/ке',
      // accusative
      'ны/ні/ды/ді/ты/ті',
      // locative, and the attributive locative "the one in …"
      'да/де/та/те',
      'дағы/дегі/тағы/тегі',
      // ablative
      'дан/ден/тан/тен/нан/нен',
      // instrumental
      'мен/бен/пен/менен/бенен/пенен',
    ),
    // after a third-person possessive: "қаласын", "қаласына", "қаласында"
    guarded: [
      { ending: 'н', after: /(с|[лдт][ае]р)[ыі]$/u },
      // a longer root too (дәуір-і-н); short words in -ын, -ін are roots (кейін, орын, ақын), and
      // -атын, -етін is a participle (болатын)
      { ending: 'н', after: /^(?!.*[ае]т[ыі]$).{3,}[^аәеёиоөуұүыіэюяй][ыі]$/u },
      ...harmony('на/не', 'нда/нде', 'ндағы/ндегі').map((ending) => ({ ending, after: /[ыі]$/u })),
    ],
  },
  {
    name: 'possessive',
    endings: harmony('ымыз/іміз/мыз/міз', 'ыңыз/іңіз/ңыз/ңіз', 'лары/лері/дары/дері/тары/тері'),
    guarded: [
      ...harmony('ы/і').map((ending) => ({ ending, after: CONSONANT_END })),
      // a stem seldom ends in ы or і, so "облысы" is облыс-ы rather than облы-сы
      ...harmony('сы/сі').map((ending) => ({ ending, after: /[аәеоөуұүэюяи]$/u })),
    ],
  },
  { name: 'plural', endings: harmony('лар/лер/дар/дер/тар/тер') },
  {
    name: 'verb form',
    endings: harmony(
      // past participle, and its negation
      'ған/ген/қан/кен',
      // habitual / future participle
      'атын/етін/йтын/йтін',
      // converb "since"; not -ып, -іп "having done", which are as often a root's end (тақырып)
      'ғалы/гелі/қалы/келі',
      // conditional
      'са/се',
      // verbal noun followed by possessive or case, as in "салуы", "салуға"
      'уы/уі',
    ),
    guarded: [
      // verbal noun "салу"
      { ending: 'у', after: CONSONANT_END },
    ],
  },
];

