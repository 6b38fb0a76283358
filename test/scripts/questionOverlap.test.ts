import { describe, expect, it } from 'vitest';
import { answerSentence, contentTerms, documentNames, questionOverlap } from '../../scripts/questionOverlap.js';
import { analyzerFor } from '../../src/language/analyzer.js';

const en = analyzerFor('en');
const ru = analyzerFor('ru');
const article =
  'The Panthers defense gave up just 308 points, ranking sixth in the league. ' +
  'Lady Gaga performed the national anthem, while Marlee Matlin provided sign language translation. ' +
  'Over 3,000 weapons were stolen from the Panthers store.';
const names = documentNames(article, en, 'en');

describe('questionOverlap', () => {
  it.each([
    // SQuAD style: the answer sentence's own words.
    ['Who performed the national anthem?', ['Lady Gaga'], 1, ['perform', 'nation', 'anthem']],
    // Chat style: other words for the same fact.
    ['who sang the star spangled banner', ['Lady Gaga'], 0, ['sang', 'star', 'spangl', 'banner']],
    ['how many rifles were stolen', ['3,000'], 0.5, ['rifl', 'steal']],
    // Names and numbers are not counted, in any case: "panthers" is written with a capital in the article.
    ['how many points did the panthers concede in 2015', ['308'], 1 / 2, ['point', 'conced']],
  ])('%s', (question, answers, share, terms) => {
    const overlap = questionOverlap({ question, answers, documentText: article, names }, en, 'en');
    expect(overlap?.contentTerms).toEqual(terms);
    expect(overlap?.share).toBeCloseTo(share);
  });

  it('is null when no answer is in the document or the question has no content words', () => {
    expect(questionOverlap({ question: 'who sang', answers: ['Beyoncé'], documentText: article, names }, en, 'en')).toBeNull();
    expect(questionOverlap({ question: 'What is it?', answers: ['308'], documentText: article, names }, en, 'en')).toBeNull();
  });
});

describe('answerSentence', () => {
  it.each([
    [['Lady Gaga'], 'Lady Gaga performed the national anthem, while Marlee Matlin provided sign language translation.'],
    [['nobody', 'lady gaga'], 'Lady Gaga performed the national anthem, while Marlee Matlin provided sign language translation.'],
    [['sixth in the league. Lady Gaga'], `${article.split('. ')[0]}. ${article.split('. ')[1]}.`],
    [['Beyoncé'], null],
  ])('%j', (answers, sentence) => {
    expect(answerSentence(article, answers, 'en')).toBe(sentence);
  });
});

describe('contentTerms', () => {
  it.each([
    // A capitalised word after the first is a name; the first word is capitalised by position only.
    ['Who led the Panthers in sacks?', new Set<string>(), ['led', 'sack']],
    ['Сколько человек погибло в Алматы?', new Set<string>(), ['человек', 'погибл']],
    // Any case form of a document's name is left out ("Манакинтаун" → "манакинтауне").
    ['сколько жило в манакинтауне', documentNames('Поселенцы пришли в Манакинтаун.', ru, 'ru'), ['жил']],
  ])('%s', (question, known, terms) => {
    expect(contentTerms(question, question.match(/[а-я]/iu) ? ru : en, known)).toEqual(terms);
  });
});
