import type { FigureKind } from '../language/quantityIntent.js';

/** What a figure measures (defined with the question words that ask for one). */
export type { FigureKind };

/** A figure as a span of its sentence: `text === sentence.slice(start, end)`. */
export interface Figure {
  text: string;
  start: number;
  end: number;
  kind: FigureKind;
}

const alt = (words: readonly string[]) => words.join('|');

const APPROXIMATORS = [
  'about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'over', 'more than', 'less than',
  'fewer than', 'at least', 'up to', 'only', 'just over', 'just under', 'some', 'an estimated',
  'около', 'более', 'свыше', 'почти', 'примерно', 'порядка', 'менее', 'не менее', 'только', 'шамамен', 'астам', 'жуық',
];
const SCALES = [
  'thousand', 'million', 'billion', 'trillion', 'bn', 'mln',
  'тысяч[аи]?', 'тыс\\.', 'млн', 'млрд', 'миллион(?:а|ов)?', 'миллиард(?:а|ов)?', 'мың', 'миллиард',
];
const CURRENCY_WORDS = [
  'dollars?', 'tenge', 'euros?', 'rubles?', 'roubles?', 'USD', 'KZT', 'тенге', 'теңге', 'долларов', 'доллара?', 'рубл(?:ей|я|ь)', 'евро',
];
const PERCENT_WORDS = ['%', 'percent', 'per cent', 'процент(?:а|ов)?', 'пайыз'];
const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
const MONTHS_RU = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
  'қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан',
];
const NUMBER_WORDS = [
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty',
  'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'a hundred', 'one hundred', 'several', 'a few',
];
const FRACTIONS = ['a third', 'one third', 'two thirds', 'a quarter', 'one quarter', 'three quarters', 'half', 'a half', 'a fifth'];

const DIGITS = String.raw`\d{1,3}(?:[,\u00A0\u202F ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;
const SCALE = String.raw`(?:\s(?:${alt(SCALES)}))`;
const APPROX = String.raw`(?:(?:${alt(APPROXIMATORS)})\s)?`;
const MONTH_EN = alt(MONTHS_EN);

/** Alternatives in priority order: the first that matches at a position wins. */
const PATTERNS: Array<[FigureKind, string]> = [
  ['date', String.raw`\d{1,2}\s(?:${MONTH_EN}|${alt(MONTHS_RU)})(?:,?\s\d{4})?|(?:${MONTH_EN})\s\d{1,2}(?:,\s\d{4})?|(?:early|mid|late)[-\s](?:${MONTH_EN})(?:\s\d{4})?|(?:${MONTH_EN})\s\d{4}`],
  ['money', String.raw`${APPROX}(?:US\$|[$€£₸₽])\s?(?:${DIGITS})${SCALE}?|${APPROX}(?:${DIGITS})${SCALE}?\s(?:${alt(CURRENCY_WORDS)})`],
  ['percent', String.raw`${APPROX}(?:${DIGITS})\s?(?:${alt(PERCENT_WORDS)})`],
  ['count', String.raw`${APPROX}(?:${DIGITS})${SCALE}?`],
  ['fraction', String.raw`${APPROX}(?:${alt(FRACTIONS)})`],
  ['count', String.raw`${APPROX}(?:${alt(NUMBER_WORDS)})(?:\s(?:hundred|thousand|million|billion))?|(?:hundreds|thousands|dozens|tens of thousands)(?=\sof\s)|one\s(?:hundred|thousand|million|billion)`],
];

const FIGURE_PATTERN = new RegExp(
  PATTERNS.map(([, source], i) => String.raw`(?<k${i}>(?<![\p{L}\p{N}$€£₸₽])(?:${source})(?![\p{L}\p{N}]))`).join('|'),
  'giu',
);

/**
 * Finds counts, money, percentages, dates and spelled-out quantities with their approximators
 * ("about 30,000", "$200 million", "over 3,000", "only a third", "two thousand").
 * Bare years are left out: "in 2022" is rarely the figure a question asks for.
 */
export function extractFigures(sentence: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of sentence.matchAll(FIGURE_PATTERN)) {
    const index = PATTERNS.findIndex((_, i) => match.groups?.[`k${i}`] !== undefined);
    const kind = PATTERNS[index]?.[0] ?? 'count';
    const start = match.index;
    const text = match[0];
    if (kind === 'count' && isBareYear(text)) continue;
    figures.push({ text, start, end: start + text.length, kind });
  }
  return figures;
}

function isBareYear(text: string): boolean {
  return /^(19|20)\d{2}$/.test(text);
}
