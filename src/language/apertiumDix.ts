/*
 * Reading Apertium's bilingual dictionary (lttoolbox XML, apertium-kaz-rus.kaz-rus.dix) for
 * scripts/build-kazakh-lexicon.ts; nothing at run time imports this file.
 */

/** One pairing of a Kazakh lemma with a Russian lemma, and the directions Apertium uses it in. */
export interface DixEntry {
  kk: string;
  ru: string;
  /** Part of speech of the Kazakh side: the first tag (`n`, `v`, `adj`, `np`…). */
  pos: string;
  /** Apertium translates Kazakh → Russian with it (no r="RL"). */
  leftToRight: boolean;
  /** Apertium translates Russian → Kazakh with it (no r="LR"). */
  rightToLeft: boolean;
}

const ENTRY = /<e(\s[^>]*)?>([\s\S]*?)<\/e>/g;
const COMMENT = /<!--[\s\S]*?-->/g;

/** The words of one side: a blank (<b/>) is a space, tags are dropped, entities decoded. */
function sideText(xml: string): string {
  return xml
    .replace(/<b\s*\/>/g, ' ')
    .replace(/<s\s[^>]*\/>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .trim()
    .toLowerCase();
}

/**
 * The <e><p><l>…</l><r>…</r></p></e> entries, commented-out ones skipped. Entries made of a
 * paradigm reference or an identity (<i>) carry no pair of words and are left out too.
 */
export function dixEntries(xml: string): DixEntry[] {
  const entries: DixEntry[] = [];
  for (const [, attributes = '', body = ''] of xml.replace(COMMENT, '').matchAll(ENTRY)) {
    const left = /<l>([\s\S]*?)<\/l>/.exec(body)?.[1];
    const right = /<r>([\s\S]*?)<\/r>/.exec(body)?.[1];
    if (left === undefined || right === undefined) continue;
    const restriction = /\br\s*=\s*"(LR|RL)"/.exec(attributes)?.[1];
    const [kk, ru] = [sideText(left), sideText(right)];
    if (kk === '' || ru === '') continue;
    const pos = /<s\s+n="([^"]+)"/.exec(left)?.[1] ?? '';
    entries.push({ kk, ru, pos, leftToRight: restriction !== 'RL', rightToLeft: restriction !== 'LR' });
  }
  return entries;
}

/**
 * Past-tense forms of a Russian infinitive, plural and masculine: "погибнуть" → погибли, погиб. A
 * dictionary lists infinitives and texts tell of past events ("230 человек погибли"), and their
 * stems differ; only the regular patterns, a wrong guess is a word no text has.
 */
export function russianPastForms(infinitive: string): string[] {
  const reflexive = /(ся|сь)$/u.test(infinitive);
  const base = reflexive ? infinitive.slice(0, -2) : infinitive;
  const rule = PAST_RULES.find(([pattern]) => pattern.test(base));
  if (!rule) return [];
  const [pattern, plural, masculine] = rule;
  const forms = [base.replace(pattern, plural) + (reflexive ? 'сь' : ''), base.replace(pattern, masculine) + (reflexive ? 'ся' : '')];
  return [...new Set(forms)].filter((form) => form.length > 2);
}

/** Infinitive ending → plural and masculine past endings; the first that fits is taken. */
const PAST_RULES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/(?<=[бгдзкпстхрж])нуть$/u, 'ли', ''],
  [/ереть$/u, 'ерли', 'ер'],
  [/йти$/u, 'шли', 'шёл'],
  [/сти$/u, 'сли', 'с'],
  [/ти$/u, 'ли', 'л'],
  [/сть$/u, 'ли', 'л'],
  [/ть$/u, 'ли', 'л'],
];
