import { quoteId } from '../../usage/usageLog.js';
import type { QuestionGroup, RatedAnswer, Totals } from '../../usage/usageLog.js';
import { shorten } from '../format.js';
import { code, escapeHtml } from '../html.js';

type FormatNumber = (value: number) => string;

/** Report lines are the same in every language but for number formatting and quotation marks. */
export function reportLines(n: FormatNumber, [open, close]: readonly [string, string]) {
  return {
    unansweredLine: (g: QuestionGroup) => `• ${n(g.count)}× ${escapeHtml(g.example)}`,
    worstRatedLine: (a: RatedAnswer) => {
      const quote = a.quote ? `\n  ${open}${escapeHtml(shorten(a.quote.text, 200))}${close} ${code(quoteId(a.quote))}` : '';
      return `• 👎 ${n(a.down)} 👍 ${n(a.up)} — ${escapeHtml(a.question)}${quote}`;
    },
  };
}

/** "12 questions, answered 8, “probably” 1, abstained 3, 👍 4, 👎 1" with the language's words. */
export function totalsLine(n: FormatNumber, words: { questions: (count: number) => string; answered: string; probably: string; abstained: string }) {
  return (t: Totals) =>
    `${words.questions(t.questions)}, ${words.answered} ${n(t.answered)}, ${words.probably} ${n(t.probably)}, ${words.abstained} ${n(t.abstained)}, 👍 ${n(t.up)}, 👎 ${n(t.down)}`;
}
