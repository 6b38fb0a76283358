/**
 * Kazakh endings for the known-stem search in `../kazakhStemSearch.ts`: wider than the greedy slots
 * of kazakhSuffixes.ts (verb tenses, persons, negation, voice), because a cut is only kept when it
 * lands on a stem of Apertium's lexicon, so a short ending cannot carve an unknown root.
 *
 * Hand-written from Kazakh grammar, the same way as kazakhSuffixes.ts; no Apertium file is copied.
 * Layers are listed from the end of the word inwards; the search removes at most one ending per
 * layer. What a layer's endings attach to decides which cuts are grammar:
 * - `personal`: predicative endings, after nouns and verb forms alike;
 * - `nominal`: case, possessive, plural, comparative: after nouns, or verbs made nouns by a participle;
 * - `attributive`: -дағы "the one in", -нікі "the one of": a new noun, whose own endings may follow it;
 * - `participle`: verb forms that take nominal endings (-ған, -атын, -у);
 * - `finite`: verb forms that do not (tenses, converbs, imperative);
 * - `verbal`: negation and voice, between a verb stem and its form.
 */
export type LayerKind = 'personal' | 'nominal' | 'derivation' | 'attributive' | 'participle' | 'finite' | 'verbal';

export interface EndingLayer {
  readonly name: string;
  readonly kind: LayerKind;
  readonly endings: readonly string[];
}

const split = (...groups: string[]): string[] => groups.flatMap((group) => group.split('/'));
/** Every ending of `heads` followed by every ending of `tails` (harmony left to the stem check). */
const joined = (heads: readonly string[], tails: readonly string[]): string[] => heads.flatMap((head) => tails.map((tail) => head + tail));

const PAST_AND_CONDITIONAL = split('ды/ді/ты/ті', 'са/се');
/** Short personal endings of the past tense and the conditional: келді-м, келсе-ңіз. */
const SHORT_PERSONAL = split('м', 'ң', 'қ/к', 'ңыз/ңіз', 'ңдар/ңдер', 'ңыздар/ңіздер');

export const ENDING_LAYERS: readonly EndingLayer[] = [
  {
    name: 'personal (predicative) ending',
    kind: 'personal',
    endings: split('мын/мін/бын/бін/пын/пін', 'сың/сің', 'сыз/сіз', 'мыз/міз/быз/біз/пыз/піз', 'сыңдар/сіңдер', 'сыздар/сіздер'),
  },
  {
    name: 'case',
    kind: 'nominal',
    endings: split(
      'ның/нің/дың/дің/тың/тің',
      'ға/ге/қа/ке/на/не',
      'ны/ні/ды/ді/ты/ті/н',
      'да/де/та/те/нда/нде',
      'дан/ден/тан/тен/нан/нен/ндан/нден',
      'мен/бен/пен/менен/бенен/пенен',
      'дай/дей/тай/тей',
    ),
  },
  {
    name: 'possessive',
    kind: 'nominal',
    endings: split('ым/ім/м', 'ың/ің/ң', 'ымыз/іміз/мыз/міз', 'ыңыз/іңіз/ңыз/ңіз', 'ы/і/сы/сі', 'ыңдар/іңдер/ңдар/ңдер', 'ыңыздар/іңіздер/ңыздар/ңіздер'),
  },
  { name: 'plural', kind: 'nominal', endings: split('лар/лер/дар/дер/тар/тер') },
  { name: 'attributive', kind: 'attributive', endings: split('дағы/дегі/тағы/тегі/ндағы/ндегі', 'нікі/дікі/тікі/ныкі/дыкі/тыкі') },
  // -рақ voices before a vowel like a root's final: жақсы-рағ-ы
  // derivations Apertium also reads down to their root (фосфорлы → фосфор), cut only from words the lexicon lacks
  { name: 'derivation', kind: 'derivation', endings: split('лы/лі/ды/ді/ты/ті', 'сыз/сіз', 'лық/лік/дық/дік/тық/тік', 'шы/ші') },
  { name: 'comparative and ordinal', kind: 'nominal', endings: split('рақ/рек/ырақ/ірек', 'рағ/рег/ырағ/ірег', 'ншы/нші/ыншы/інші') },
  {
    name: 'participle and verbal noun',
    kind: 'participle',
    // past participle, habitual participle, verbal noun, agent, intention, future
    endings: split('ған/ген/қан/кен', 'атын/етін/йтын/йтін', 'у', 'ушы/уші', 'мақ/мек/бақ/бек/пақ/пек', 'ар/ер/р/с'),
  },
  {
    name: 'tense, converb, imperative',
    kind: 'finite',
    endings: [
      // present tense (-а/-е/-й and its third person -ады), converbs
      ...split('а/е/й', 'ады/еді/йды/йді', 'ып/іп/п', 'ғалы/гелі/қалы/келі', 'ғанша/генше/қанша/кенше'),
      // past tense and conditional, bare and with their short personal endings
      ...PAST_AND_CONDITIONAL,
      ...joined(PAST_AND_CONDITIONAL, SHORT_PERSONAL),
      // imperative and optative
      ...split('сын/сін', 'айын/ейін/йын/йін', 'айық/ейік/йық/йік', 'ыңыз/іңіз/ңыз/ңіз', 'ыңдар/іңдер/ңдар/ңдер'),
    ],
  },
  { name: 'negation', kind: 'verbal', endings: split('ма/ме/ба/бе/па/пе') },
  // passive, reflexive, causative, cooperative: Apertium's lemma is the plain verb (ұрла-н-ған → ұрла)
  { name: 'voice', kind: 'verbal', endings: split('ыл/іл/л', 'ын/ін/н', 'дыр/дір/тыр/тір', 'ғыз/гіз/қыз/кіз', 'т', 'ыс/іс/с') },
];
