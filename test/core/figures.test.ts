import { describe, expect, it } from 'vitest';
import { type Figure, type FigureKind, extractFigures } from '../../src/chunking/figures.js';
import { splitSentences } from '../../src/chunking/sentences.js';
import { loadSeed } from './seed.js';

/** Figures are spans of their sentence, in order and never overlapping. */
function expectSpans(sentence: string, figures: readonly Figure[]): void {
  let previousEnd = 0;
  for (const figure of figures) {
    expect(figure.text).toBe(sentence.slice(figure.start, figure.end));
    expect(figure.end - figure.start).toBe(figure.text.length);
    expect(figure.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = figure.end;
  }
}

describe('extractFigures', () => {
  it.each<[string, Array<[string, FigureKind]>]>([
    // The seed's figures, with their approximators.
    ['Thus, according to the Prosecutor General’s Office, about 30,000 people took part in the riots in Almaty.', [['about 30,000', 'count']]],
    ['The damage from the January pogroms throughout the country amounted to about $200 million.', [['about $200 million', 'money']]],
    ['The budget was $200 million.', [['$200 million', 'money']]],
    ['In total, over 3,000 weapons were stolen during the riots.', [['over 3,000', 'count']]],
    ['Law enforcement agencies managed to find only a third of the stolen weapons.', [['only a third', 'fraction']]],
    ['“About two thousand people were detained for various offenses during the January events.', [['About two thousand', 'count']]],
    ['Several hundred people have been prosecuted.', [['Several hundred', 'count']]],
    ['62 people have already been sentenced to various terms.', [['62', 'count']]],
    ['The Prosecutor General’s Office is handling 3,660 criminal cases against the participants in these events.', [['3,660', 'count']]],
    ['According to the latest data, 230 people died during the riots.', [['230', 'count']]],
    ['More than 100 people were injured.', [['More than 100', 'count']]],
    ['Thousands of people gathered.', [['Thousands', 'count']]],
    ['Tens of thousands of people protested.', [['Tens of thousands', 'count']]],
    ['Half of them were released.', [['Half', 'fraction']]],
    ['Between 1,000 and 2,000 people came.', [['1,000', 'count'], ['2,000', 'count']]],
    // Dates.
    ['The curfew began on 5 January 2022.', [['5 January 2022', 'date']]],
    ['The curfew began on January 4, 2022, in Almaty.', [['January 4, 2022', 'date']]],
    ['As ACCA has already reported, in early January, rallies were held in all big cities.', [['early January', 'date']]],
    ['The state of emergency ended in January 2022.', [['January 2022', 'date']]],
    // Percentages.
    ['Prices rose by 15% in a week.', [['15%', 'percent']]],
    ['Turnout was 12.5 percent.', [['12.5 percent', 'percent']]],
    ['Support fell to about 40 per cent.', [['about 40 per cent', 'percent']]],
    // Money in tenge and other currencies.
    ['Losses reached 5 billion tenge.', [['5 billion tenge', 'money']]],
    ['Fines of ₸500,000 were imposed.', [['₸500,000', 'money']]],
    ['Around 1.5 million tenge was paid by 3 firms.', [['Around 1.5 million tenge', 'money'], ['3', 'count']]],
    ['Losses: US$ 5 million.', [['US$ 5 million', 'money']]],
    ['Police seized 40 cars, and the damage reached $2 million.', [['40', 'count'], ['$2 million', 'money']]],
    // Russian.
    ['Около 30 тысяч человек вышли на улицы.', [['Около 30 тысяч', 'count']]],
    ['В беспорядках участвовали около 30 тысяч человек.', [['около 30 тысяч', 'count']]],
    ['Ущерб составил около 100 млрд тенге.', [['около 100 млрд тенге', 'money']]],
    ['Каждая семья получила 100 000 тенге.', [['100 000 тенге', 'money']]],
    ['Рост цен составил 10 процентов.', [['10 процентов', 'percent']]],
    ['5 января 2022 года ввели режим ЧП.', [['5 января 2022', 'date']]],
    // Bare years are left out; a count next to a year is kept.
    ['The protests of 2022 changed the country.', []],
    ['In 2021 and 2022 prices rose.', []],
    ['In 2022, 230 people died.', [['230', 'count']]],
    ['The 1990s were hard.', []],
    ['Mr. Smith met Dr. Jones.', []],
    ['', []],
  ])('%j', (sentence, expected) => {
    const figures = extractFigures(sentence);
    expect(figures.map((f) => [f.text, f.kind])).toEqual(expected);
    expectSpans(sentence, figures);
  });

  it('gives the offsets of each figure within the sentence', () => {
    expect(extractFigures('In 2022, 230 people died; about $200 million was lost.')).toEqual([
      { text: '230', start: 9, end: 12, kind: 'count' },
      { text: 'about $200 million', start: 26, end: 44, kind: 'money' },
    ]);
  });

  it('finds exactly the figures of the seed document, in order, as spans of their sentences', () => {
    const seed = loadSeed();
    const all = splitSentences(seed.text, 'en').flatMap((sentence) => {
      const figures = extractFigures(sentence.text);
      expectSpans(sentence.text, figures);
      return figures.map((f) => f.text);
    });
    expect(all).toEqual([
      'About two thousand',
      'Several hundred',
      'early January',
      'about 30,000',
      '230',
      '3,660',
      '62',
      '243',
      'over 3,000',
      'only a third',
      'about $200 million',
    ]);
  });

  it('returns the same result when called again (the global regex keeps no state between calls)', () => {
    const sentence = 'In total, over 3,000 weapons were stolen during the riots.';
    expect(extractFigures(sentence)).toEqual(extractFigures(sentence));
    expect(extractFigures(sentence)).toHaveLength(1);
  });
});
