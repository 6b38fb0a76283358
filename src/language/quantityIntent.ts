/** The kinds of figure a sentence can state (chunking/figures finds them) and a question can ask for. */
export type FigureKind = 'count' | 'money' | 'percent' | 'fraction' | 'date';

/** What kind of figure a question asks for, if any: such questions prefer sentences that state one. */
export type QuantityIntent = { wants: 'none' } | { wants: 'figure'; kinds: readonly FigureKind[] };

/**
 * Tried in order: a count or money question may hold a "when" clause ("When the riots started, how
 * many were detained?"). Money words count only as the thing asked about ("what was the damage"),
 * not anywhere ("the damage the activists saw"): composeAnswer answers a quantity question only with
 * a sentence that states one.
 */
const PATTERNS: Array<[RegExp, FigureKind[]]> = [
  [
    /\bhow much\b|\bwhat(['’]s| is| was| are| were) the (\p{L}+ )?(cost|damage|losses?|worth|price|amount|bill)\b|сколько (стоил|денег)|каков\p{L}* (ущерб|стоимость)|какой ущерб|қанша (ақша|шығын)/iu,
    ['money', 'count', 'fraction', 'percent'],
  ],
  [/\bhow many\b|\bnumber of\b|\bwhat (share|percentage|proportion|fraction)\b|\bhow (large|big)\b|сколько|количеств|қанша|неше/iu, ['count', 'fraction', 'percent', 'money']],
  // "When" and "когда" ask for a date only where they open the question: "What did they do when …" does not.
  [
    /^[\s"“«]*((since|until|till|by|and|а|и|с|до)\s+)?(when|когда)(?![\p{L}-])|\b(what|which) (date|day|month|year)\b|\bin (what|which) year\b|какого числа|в каком (году|месяце)|қашан|қай (күні|жылы|айда)/iu,
    ['date'],
  ],
];

export function quantityIntent(question: string): QuantityIntent {
  for (const [pattern, kinds] of PATTERNS) if (pattern.test(question)) return { wants: 'figure', kinds };
  return { wants: 'none' };
}
