import { describe, expect, it } from 'vitest';
import { type SentenceSpan, splitSentences } from '../../src/chunking/sentences.js';
import { loadSeed } from './seed.js';

const seed = loadSeed();
const sentences = splitSentences(seed.text, seed.language ?? 'en');
const texts = sentences.map((s) => s.text);

/** The invariants every split must keep, whatever the text. */
function expectWellFormed(text: string, spans: readonly SentenceSpan[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.text).toBe(text.slice(span.start, span.end));
    expect(span.text).not.toBe('');
    expect(span.text).toBe(span.text.trim());
    expect(span.text).not.toMatch(/[\r\n]/);
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = span.end;
  }
}

describe('splitSentences on the seed document', () => {
  it('keeps text === doc.slice(start, end) for every sentence, in order, without overlaps or whitespace', () => {
    expect(sentences.length).toBeGreaterThan(0);
    expectWellFormed(seed.text, sentences);
  });

  it('finds exactly the 27 sentences of the seed', () => {
    expect(sentences).toHaveLength(27);
  });

  it('loses no words: the sentences joined are the document minus whitespace', () => {
    expect(texts.join('').replace(/\s+/g, '')).toBe(seed.text.replace(/\s+/g, ''));
  });

  it('makes the title line its own sentence, although it has no full stop', () => {
    expect(sentences[0]).toEqual({
      start: 0,
      end: 89,
      text: 'Kazakhstan: President confirmed the fact of torture of participants in the January events',
    });
  });

  it.each([
    // Typographic quotes: the closing ” and the attribution stay with the quoted sentence.
    '“As soon as the first reports of such cases appeared, I gave instructions to thoroughly investigate them,” the President said.',
    'We acknowledged the facts when law enforcement officers used prohibited methods of interrogation and even torture against detainees,” Tokayev said.',
    '“From the first days, the Commissioner for Human Rights has been actively involved in this work.',
    'This practice of cooperation between civil society and state bodies should be firmly rooted in our country.”',
    '“About two thousand people were detained for various offenses during the January events.',
    // Curly apostrophes never end a sentence.
    'Then I instructed the Prosecutor General’s Office to establish the degree of guilt of each detainee and, in the absence of aggravating circumstances, to mitigate the punishment for the detainees.',
    // Thousands separators and currency are not boundaries.
    'Thus, according to the Prosecutor General’s Office, about 30,000 people took part in the riots in Almaty.',
    'The Prosecutor General’s Office is handling 3,660 criminal cases against the participants in these events.',
    'In total, over 3,000 weapons were stolen during the riots.',
    'The damage from the January pogroms throughout the country amounted to about $200 million.',
    // A sentence that starts with a digit, which ICU alone would glue to the one before.
    '62 people have already been sentenced to various terms.',
    'Several hundred people have been prosecuted.',
  ])('has the whole sentence %s', (expected) => {
    expect(texts).toContain(expected);
  });

  it('splits "…these events. 62 people…" into two consecutive sentences', () => {
    const i = texts.indexOf('The Prosecutor General’s Office is handling 3,660 criminal cases against the participants in these events.');
    expect(i).toBeGreaterThan(0);
    expect(texts[i + 1]).toBe('62 people have already been sentenced to various terms.');
    expect(seed.text.slice(sentences[i]!.end, sentences[i + 1]!.start)).toBe(' ');
  });

  it('ends with the last sentence, which has no trailing newline', () => {
    expect(seed.text.endsWith('\n')).toBe(false);
    const last = sentences.at(-1)!;
    expect(last.text).toBe('The damage from the January pogroms throughout the country amounted to about $200 million.');
    expect(last.end).toBe(seed.text.length);
  });

  it('never starts a sentence where a split went wrong (lower case, closing quote, comma)', () => {
    for (const text of texts) expect(text).not.toMatch(/^[\p{Ll},;:)”’]/u);
  });
});

describe('splitSentences on hand-made text', () => {
  it.each<[string, string, string[]]>([
    ['en', 'Mr. Smith met Dr. Jones on Jan. 5. They talked.', ['Mr. Smith met Dr. Jones on Jan. 5.', 'They talked.']],
    ['en', 'Mrs. Brown and Prof. White arrived. Gen. Smith left.', ['Mrs. Brown and Prof. White arrived.', 'Gen. Smith left.']],
    ['en', 'The U.S. embassy issued a statement. Nobody else did.', ['The U.S. embassy issued a statement.', 'Nobody else did.']],
    ['en', 'President K. Tokayev spoke. He was calm.', ['President K. Tokayev spoke.', 'He was calm.']],
    ['en', 'Kassym-Jomart K. Tokayev addressed the nation.', ['Kassym-Jomart K. Tokayev addressed the nation.']],
    ['en', 'I met J. R. R. Tolkien. He smiled.', ['I met J. R. R. Tolkien.', 'He smiled.']],
    // An abbreviation before digits: the digit rule must not split there.
    ['en', 'The report came in Jan. 2022 and was read.', ['The report came in Jan. 2022 and was read.']],
    ['en', 'See No. 5 for details. Done.', ['See No. 5 for details.', 'Done.']],
    ['en', 'Events of Jan. 5 were bad.', ['Events of Jan. 5 were bad.']],
    // Sentences that start with a digit.
    ['en', 'It was over. 62 people were sentenced. 3,660 cases remain.', ['It was over.', '62 people were sentenced.', '3,660 cases remain.']],
    ['en', 'He paid $5. 10 people saw it.', ['He paid $5.', '10 people saw it.']],
    ['en', 'Prices rose 3.5 percent. Then they fell.', ['Prices rose 3.5 percent.', 'Then they fell.']],
    ['en', '“We will act,” he said. “Now.”', ['“We will act,” he said.', '“Now.”']],
    // Line breaks always end a sentence; blank lines and padding never make one.
    ['en', 'Title line\nFirst sentence. Second sentence.\n\nThird.', ['Title line', 'First sentence.', 'Second sentence.', 'Third.']],
    ['en', 'Line one\r\nLine two', ['Line one', 'Line two']],
    ['en', '  padded sentence.   Another one.  ', ['padded sentence.', 'Another one.']],
    ['en', '', []],
    ['en', ' \n\t\n ', []],
    // Russian: abbreviations (г., тыс., т.е., млрд.), initials and a sentence starting with a number.
    [
      'ru',
      'В 2022 г. в Алматы погибли 230 человек. Задержаны около 10 тыс. человек. Это т.е. важно.',
      ['В 2022 г. в Алматы погибли 230 человек.', 'Задержаны около 10 тыс. человек.', 'Это т.е. важно.'],
    ],
    ['ru', 'Президент К. Токаев выступил с обращением. Он сказал, что всё ясно.', ['Президент К. Токаев выступил с обращением.', 'Он сказал, что всё ясно.']],
    ['ru', 'Ущерб составил около 100 млрд. тенге. Дела расследуются.', ['Ущерб составил около 100 млрд. тенге.', 'Дела расследуются.']],
    ['ru', 'Около 30 тысяч человек участвовали в беспорядках. 230 человек погибли.', ['Около 30 тысяч человек участвовали в беспорядках.', '230 человек погибли.']],
  ])('[%s] %j', (locale, text, expected) => {
    const spans = splitSentences(text, locale);
    expect(spans.map((s) => s.text)).toEqual(expected);
    expectWellFormed(text, spans);
  });

  it('defaults to English when no locale is given', () => {
    expect(splitSentences('Dr. Who left. 5 people stayed.').map((s) => s.text)).toEqual(['Dr. Who left.', '5 people stayed.']);
  });
});
