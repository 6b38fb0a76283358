import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { answerQuestion } from '../../src/answer/answerQuestion.js';
import { splitSentences } from '../../src/chunking/sentences.js';
import { projectRoot } from '../../src/config.js';
import { createEmbedder } from '../../src/embedding/createEmbedder.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { KnowledgeBase, type KnowledgeBaseOptions } from '../../src/index/knowledgeBase.js';
import type { KnowledgeSnapshot } from '../../src/index/snapshot.js';
import { FEATURE_NAMES } from '../../src/retrieval/features.js';
import { DEFAULT_RETRIEVAL } from '../../src/retrieval/retrieve.js';
import { defaultRanker, rankerFrom } from '../../src/retrieval/sentenceRanker.js';
import { SEED_FILE, SEED_PATH } from './seed.js';

const run = promisify(execFile);

const modelsDir = path.join(projectRoot, 'models');
const corpusDir = path.join(projectRoot, 'corpus');
const MAX_BYTES = 2 * 1024 * 1024;

const temps: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `qantar-${prefix}-`));
  temps.push(dir);
  return dir;
}

let embedder: Embedder;
let kb: KnowledgeBase;
let indexDir: string;
const firstNotices: string[] = [];

async function open(options: Partial<KnowledgeBaseOptions> & Pick<KnowledgeBaseOptions, 'indexDir'>, notices: string[] = []) {
  return KnowledgeBase.open({ corpusDir, maxDocumentBytes: MAX_BYTES, embedder, onNotice: (m) => notices.push(m), ...options });
}

async function ask(snapshot: KnowledgeSnapshot, question: string): Promise<Answer> {
  return answerQuestion(snapshot, embedder, question);
}

/** Callers pass answered questions only: an abstention here is a failure, not a pass. */
function expectVerbatim(snapshot: KnowledgeSnapshot, answer: Answer): void {
  if (!answer.answered) throw new Error(`expected an answer to "${answer.question}", got ${answer.tier}`);
  expect(answer.quotes.length).toBeGreaterThan(0);
  for (const quote of answer.quotes) {
    expect(snapshot.documentById.get(quote.documentId)?.text.slice(quote.start, quote.end)).toBe(quote.text);
  }
}

/**
 * Not answered with confidence: "probably" (the known failures below track which questions still get a
 * sentence under it) or "not covered", never another reason such as an unreadable language.
 */
function expectNoConfidentAnswer(answer: Answer): void {
  expect(answer).toMatchObject({ answered: false });
  if (answer.tier === 'not-covered') expect(answer.reason).toBe('not-covered');
  else expect(answer.tier).toBe('probably');
}

/** A model that rates every sentence 0.5, with thresholds that answer nothing and offer the best sentence as "probably" for everything. */
function undecidedRanker() {
  const zero = new Array<number>(FEATURE_NAMES.length).fill(0);
  return rankerFrom({
    model: { kind: 'logistic-regression', logistic: { mean: zero, scale: zero.map(() => 1), weights: zero, bias: 0 } },
    thresholds: { minProbability: 1.01, closestMinProbability: 0, quoteRatio: 0.8, targetPrecision: 0.8 },
  });
}

/** The build folder CURRENT names is complete, and nothing half-written is left beside it. */
async function expectCleanIndexDir(dir: string, snapshot: KnowledgeSnapshot): Promise<void> {
  const current = (await readFile(path.join(dir, 'CURRENT'), 'utf8')).trim();
  expect(path.join(dir, 'builds', current)).toBe(snapshot.folder);
  expect((await readdir(snapshot.folder)).sort()).toEqual(['lexical.bin', 'manifest.json', 'passages.json', 'sentence-codes.i8', 'sentence-scales.f32', 'vectors.hnsw']);
  expect(JSON.parse(await readFile(path.join(snapshot.folder, 'manifest.json'), 'utf8'))).toEqual(snapshot.manifest);
  expect(await readdir(path.join(dir, 'builds'))).toEqual([current]);
  expect((await readdir(dir)).sort()).toEqual(['CURRENT', 'builds']);
}

beforeAll(async () => {
  embedder = await createEmbedder('bundled', modelsDir);
  indexDir = await tempDir('index');
  kb = await open({ indexDir }, firstNotices);
}, 60_000);

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

const FIGURE_ANSWERS: Array<[string, string, string]> = [
  ['How many people were killed in the riots?', '230 people died during the riots', '230'],
  ['What was the death toll of the unrest?', '230 people died during the riots', '230'],
  ['How many people died?', '230 people died during the riots', '230'],
  ['How much damage did the pogroms cause?', 'amounted to about $200 million', 'about $200 million'],
  ['How many people lost their lives in January?', '230 people died during the riots', '230'],
  ['How many guns were stolen?', 'over 3,000 weapons were stolen', 'over 3,000'],
  ['How many firearms were taken during the unrest?', 'over 3,000 weapons were stolen', 'over 3,000'],
  ['How many criminal cases has the prosecutor opened?', 'handling 3,660 criminal cases', '3,660'],
  ['How many criminal cases are there?', 'handling 3,660 criminal cases', '3,660'],
  ['How many people were arrested?', 'About two thousand people were detained', 'About two thousand'],
  ['How many people joined the protests in Almaty?', 'about 30,000 people took part', 'about 30,000'],
  ['How many rioters were there in Almaty?', 'about 30,000 people took part', 'about 30,000'],
  ['How many people have been convicted so far?', '62 people have already been sentenced', '62'],
  ['How many investigations into torture are under way?', 'conducting 243 pre-trial investigations', '243'],
  ['How much of the stolen weaponry has been recovered?', 'only a third of the stolen weapons', 'only a third'],
  ['How many people face prosecution?', 'Several hundred people have been prosecuted', 'Several hundred'],
  // The head noun "losses" picks the damage sentence over one that shares "January events".
  ['What were the economic losses from the January events?', 'amounted to about $200 million', 'about $200 million'],
  ['What was the damage estimated at?', 'amounted to about $200 million', 'about $200 million'],
  ['What’s the total damage?', 'amounted to about $200 million', 'about $200 million'],
  // A relative "who" does not make a who-question.
  ['How many people who took part in the riots died?', '230 people died during the riots', '230'],
  // Filler words the corpus never uses do not make a question off-topic.
  ['Has anyone actually been sentenced yet?', '62 people have already been sentenced', '62'],
  // Related words (WordNet): proceedings are cases, destruction is damage.
  ['How many criminal proceedings are there?', 'handling 3,660 criminal cases', '3,660'],
  // Participants are people: what "62 people" counts.
  ['How many participants received prison sentences?', '62 people have already been sentenced', '62'],
  ['How much destruction was caused?', 'amounted to about $200 million', 'about $200 million'],
];

const PLAIN_ANSWERS: Array<[string, string]> = [
  ['Did police use torture against detained rioters?', 'the policemen of the country used torture'],
  ['Who visited the detention centres?', 'freely visited detention centers'],
  ['What did Tokayev order after reports of torture appeared?', 'I gave instructions to thoroughly investigate them'],
  ['Why did people start rallying in early January?', 'against the increase in gas prices'],
  // "As a result, many citizens were released." is about the detainees of the sentence before it.
  ['Were many detainees set free?', 'many citizens were released'],
  ['Who confirmed that police used torture?', 'the policemen of the country used torture'],
  ['Сколько оружия похитили?', 'over 3,000 weapons were stolen'],
  // "when" inside the question does not make it ask for a date.
  ['What did they do when they visited the detention centres?', 'got acquainted with the conditions of detention'],
  ['how did tokayev react when he first heard about torture cases', 'I gave instructions to thoroughly investigate them'],
];

/**
 * Seed questions the committed ranker and its confidence stage do not answer confidently with the right
 * sentence: most get "probably" with the right sentence, a few another sentence. Their tests run as expected
 * failures (it.fails), not weakened: take a question off this list when a retrained model answers it.
 */
const NOT_MATCHED_BY_RANKER = new Set([
  'What was the death toll of the unrest?',
  'How many people lost their lives in January?',
  'How many guns were stolen?',
  'How many firearms were taken during the unrest?',
  'How many people were arrested?',
  'How many people have been convicted so far?',
  'How much of the stolen weaponry has been recovered?',
  'What were the economic losses from the January events?',
  'What’s the total damage?',
  'How many people who took part in the riots died?',
  'How much destruction was caused?',
  'how did tokayev react when he first heard about torture cases',
  'Were many detainees set free?',
]);
const matched = <T extends [string, ...string[]]>(rows: T[], wanted: boolean) => rows.filter(([question]) => NOT_MATCHED_BY_RANKER.has(question) !== wanted);

async function quotesFigure(question: string, support: string, figure: string): Promise<void> {
  const answer = await ask(kb.snapshot, question);
  if (!answer.answered) throw new Error(`abstained on "${question}"`);
  expect(answer.quotes[0]!.text).toContain(support);
  expect(answer.figures).toContain(figure);
  expect(answer.quotes[0]!.figures).toContain(figure);
  expect(answer.lead).toContain(figure);
  expect(answer.quotes[0]!.text).toContain(answer.lead.replace(/[.”]+$/, ''));
  expect(answer.quotes[0]).toMatchObject({ documentId: SEED_FILE.replace(/\.md$/, ''), publisher: 'ACCA', url: null });
  expectVerbatim(kb.snapshot, answer);
}

async function quotesSupport(question: string, support: string): Promise<void> {
  const answer = await ask(kb.snapshot, question);
  if (!answer.answered) throw new Error(`abstained on "${question}"`);
  expect(answer.quotes[0]!.text).toContain(support);
  expect(answer.quotes[0]!.text).toContain(answer.lead.replace(/^[“"]|[”"]$/g, ''));
  expectVerbatim(kb.snapshot, answer);
}

describe('answers from the seed corpus with the bundled model', () => {
  it('built the index on first open, and said why', async () => {
    expect(firstNotices).toEqual(['Building the index: no index has been built yet.']);
    expect(kb.snapshot.manifest).toMatchObject({
      modelId: 'bundled',
      modelHash: embedder.modelHash,
      dim: embedder.dim,
      chunking: { sentencesPerPassage: 3, overlap: 1 },
      counts: { documents: 1, passages: 13, sentences: 27 },
    });
    expect(kb.snapshot.vectors.size).toBe(13);
    await expectCleanIndexDir(indexDir, kb.snapshot);
  });

  it.each(matched(FIGURE_ANSWERS, true))('%j → quotes %j with the figure %j', quotesFigure);
  // Known failures, run and expected to fail: the suite goes red when a retrained model answers one, to move it up.
  it.fails.each(matched(FIGURE_ANSWERS, false))('KNOWN FAILURE: %j → quotes %j with the figure %j', quotesFigure);

  it.each(matched(PLAIN_ANSWERS, true))('answers the question without a figure %j by quoting %j', quotesSupport);
  it.fails.each(matched(PLAIN_ANSWERS, false))('KNOWN FAILURE: answers the question without a figure %j by quoting %j', quotesSupport);

  it.each([
    'What is the capital of France?',
    'Who won the 2022 football World Cup?',
    "What is today's tenge to dollar exchange rate?",
    'How do I bake sourdough bread?',
    'Write me a poem about the mountains.',
  ])('abstains on the off-topic question %j and suggests questions it can answer', async (question) => {
    const answer = await ask(kb.snapshot, question);
    // Not even a "probably": nothing in the documents is near these.
    expect(answer).toMatchObject({ tier: 'not-covered', answered: false, question, reason: 'not-covered' });
    if (answer.answered) return;
    expect(answer.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of answer.suggestions) expect(suggestion).toMatch(/^How many .+\?$/);
  });

  it.each([
    // Near the topic: the documents count people who died, not officers; they never mention women.
    'How many police officers were killed?',
    'How many women were detained?',
  ])('abstains on %j rather than quoting a count of something else', async (question) => {
    expectNoConfidentAnswer(await ask(kb.snapshot, question));
  });

  it.each([
    // On topic in its words, but the documents never mention what is asked about.
    'What is the GDP of Kazakhstan?',
  ])('abstains on %j, whose words are on topic', async (question) => {
    expectNoConfidentAnswer(await ask(kb.snapshot, question));
  });

  // Answered with the sentence that names Kazakhstan: a known failure of the committed model.
  it.fails('KNOWN FAILURE: abstains on "What is the population of Kazakhstan?", whose words are on topic', async () => {
    expect(await ask(kb.snapshot, 'What is the population of Kazakhstan?')).toMatchObject({ answered: false, reason: 'not-covered' });
  });

  // Both offer a sentence as the closest one: a known failure of the committed model.
  it.fails.each(['What is the population of Kazakhstan?', 'What is the GDP of Kazakhstan?'])('KNOWN FAILURE: offers no closest sentence for %j', async (question) => {
    const answer = await ask(kb.snapshot, question);
    expect(answer.answered).toBe(false);
    if (!answer.answered) expect((answer as { closest?: unknown }).closest).toBeUndefined();
  });

  const answersInKazakh = async (question: string, support: string) => {
    const answer = await ask(kb.snapshot, question);
    if (answer.tier !== 'answer') throw new Error(`expected an answer, got ${answer.tier}`);
    expect(answer.quotes[0]!.text).toContain(support);
    expect(answer.documentLanguages).toEqual(['en']);
  };

  it('answers the Kazakh question "Бүлік кезінде қаза болғандардың саны қанша?" from the English seed, through Russian, saying the documents are English', async () => {
    await answersInKazakh('Бүлік кезінде қаза болғандардың саны қанша?', '230 people died');
  });

  // адам reaches "human" and "individual" through three Russian words and "people" through one; the
  // committed model abstains (it answered while each English word took its best path only).
  it.fails('KNOWN FAILURE: answers "қанша адам өлді" with the deaths sentence', async () => {
    await answersInKazakh('қанша адам өлді', '230 people died');
  });

  // The committed model shows "only a third of the stolen weapons" under "probably": the count of weapons
  // stolen is the sentence before, and the translated question matches both.
  it.fails('KNOWN FAILURE: answers the Kazakh question "қанша қару ұрланды" with the weapons sentence', async () => {
    await answersInKazakh('қанша қару ұрланды', 'over 3,000 weapons were stolen');
  });

  it('abstains on an off-topic Kazakh question, which is translated rather than refused', async () => {
    expectNoConfidentAnswer(await ask(kb.snapshot, 'Парижде ауа райы қандай?'));
    // An English question that nothing matches is not answered either.
    expectNoConfidentAnswer(await ask(kb.snapshot, 'What is the weather like in Astana?'));
  });

  // Астана is also the common noun "capital" (столица → city), which matches "all big cities", and the
  // committed model answers with the rallies sentence: a known failure of the word-by-word translation.
  it.fails('KNOWN FAILURE: abstains on "Астанада ауа райы қандай?"', async () => {
    expectNoConfidentAnswer(await ask(kb.snapshot, 'Астанада ауа райы қандай?'));
  });

  // погода reaches the corpus only as "conditions" (its dictionary's second sense; "weather" is not in the
  // corpus), so every question word is matched by "the conditions of detention", and the committed
  // confidence stage answers: a known failure of word-by-word translation.
  it.fails('KNOWN FAILURE: abstains on an off-topic Russian question, which is translated rather than refused', async () => {
    expectNoConfidentAnswer(await ask(kb.snapshot, 'Какая погода в Астане?'));
  });

  it('tells an asker whose language no lexicon reaches which languages it reads, offering no closest sentence', async () => {
    const ranker = undecidedRanker();
    // As the bot was before the Kazakh lexicon: a translator that takes no Kazakh question anywhere.
    const withoutKazakh = { ...DEFAULT_RETRIEVAL.translator, translates: (from: string, to: string) => from === to || (from !== 'kk' && to !== 'kk') };
    const retrieval = { ...DEFAULT_RETRIEVAL, translator: withoutKazakh };
    const kazakh = await answerQuestion(kb.snapshot, embedder, 'Астанада ауа райы қандай?', ranker, retrieval);
    expect(kazakh).toMatchObject({ answered: false, reason: 'unsupported-language', languages: ['en', 'ru'] });
    expect(kazakh).not.toHaveProperty('closest');
    expect(await answerQuestion(kb.snapshot, embedder, 'What is the weather like in Astana?', ranker, retrieval)).toHaveProperty('closest');
    // With the committed lexicons, Kazakh is read: the same question gets the closest sentence, not a refusal.
    expect(await answerQuestion(kb.snapshot, embedder, 'Астанада ауа райы қандай?', ranker)).toMatchObject({ tier: 'probably' });
  });

  it('names the documents\' language on a "probably" for a translated question, as on an answer', async () => {
    const ranker = undecidedRanker();
    expect(await answerQuestion(kb.snapshot, embedder, 'Сколько людей задержали?', ranker)).toMatchObject({ tier: 'probably', documentLanguages: ['en'] });
    expect(await answerQuestion(kb.snapshot, embedder, 'How many people were detained?', ranker)).not.toHaveProperty('documentLanguages');
  });

  it('says "probably" with a verbatim sentence, not an answer, for a casual rewording that scores too low', async () => {
    const answer = await ask(kb.snapshot, 'what role did the human rights ombudsman play in all this?');
    if (answer.tier !== 'probably') throw new Error(`expected "probably", got ${answer.tier}`);
    expect(answer.closest.text).toContain('Commissioner for Human Rights has been actively involved');
    expect(kb.snapshot.documentById.get(answer.closest.documentId)?.text.slice(answer.closest.start, answer.closest.end)).toBe(answer.closest.text);
  });

  it('suggests only questions that it does answer', async () => {
    const unanswered = await ask(kb.snapshot, 'What is the capital of France?');
    if (unanswered.answered) throw new Error('expected an abstention');
    for (const suggestion of unanswered.suggestions) {
      const answer = await ask(kb.snapshot, suggestion);
      expect(answer.answered, suggestion).toBe(true);
    }
  });

  it('treats a blank question as empty, not as off-topic', async () => {
    expect(await ask(kb.snapshot, '   ')).toMatchObject({ answered: false, question: '', reason: 'empty-question' });
  });

  it('returns quotes above the minimum probability, best first, each a slice of its document', async () => {
    const { minProbability } = defaultRanker().thresholds;
    for (const question of ['How many criminal cases are there?', 'Who visited the detention centres?', 'Why did people start rallying in early January?']) {
      const answer = await ask(kb.snapshot, question);
      if (!answer.answered) throw new Error(`abstained on "${question}"`);
      const scores = answer.quotes.map((q) => q.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(Math.min(...scores)).toBeGreaterThanOrEqual(Number(minProbability.toFixed(4)));
      expect(answer.quotes.length).toBeLessThanOrEqual(3);
      expectVerbatim(kb.snapshot, answer);
    }
  });
});

describe('persistence', () => {
  it('re-opens the stored index without rebuilding it', async () => {
    const notices: string[] = [];
    const again = await open({ indexDir }, notices);
    expect(notices.filter((n) => n.startsWith('Building the index'))).toEqual([]);
    expect(again.snapshot.manifest.builtAt).toBe(kb.snapshot.manifest.builtAt);
    expect(again.snapshot.folder).toBe(kb.snapshot.folder);
    expect(again.snapshot.vectors.size).toBe(kb.snapshot.vectors.size);
    expect(again.snapshot.documents.map((d) => d.sentences.map((s) => s.text))).toEqual(kb.snapshot.documents.map((d) => d.sentences.map((s) => s.text)));
    const answer = await ask(again.snapshot, 'How many people died?');
    expect(answer.answered && answer.quotes[0]!.text).toContain('230 people died during the riots');
    await expectCleanIndexDir(indexDir, again.snapshot);
  });

  it('rebuilds, saying why, when the chunking parameters change', async () => {
    const copy = await tempDir('index-chunking');
    await cp(indexDir, copy, { recursive: true });
    const notices: string[] = [];
    const rechunked = await open({ indexDir: copy, chunking: { sentencesPerPassage: 2, overlap: 0 } }, notices);
    expect(notices).toEqual(['Building the index: chunking 3/1 differs from 2/0.']);
    expect(rechunked.snapshot.manifest.chunking).toEqual({ sentencesPerPassage: 2, overlap: 0 });
    expect(rechunked.snapshot.manifest.counts).toEqual({ documents: 1, passages: 14, sentences: 27 });
    expect(rechunked.snapshot.manifest.builtAt).not.toBe(kb.snapshot.manifest.builtAt);
    const answer = await ask(rechunked.snapshot, 'How many criminal cases are there?');
    expect(answer.answered && answer.quotes[0]!.text).toContain('handling 3,660 criminal cases');
    expectVerbatim(rechunked.snapshot, answer);
  });
});

describe('incremental rebuild', () => {
  const NEW_FILE = 'library-report.md';
  const NEW_DOC = [
    '---',
    'title: "Almaty library: annual report"',
    'publisher: "City Desk"',
    '---',
    'Almaty library annual report',
    '',
    'The city library of Almaty received 4,500 new books in March. Volunteers catalogued the donated volumes over two weekends.',
    '',
  ].join('\n');
  let copyCorpus: string;
  let copyIndex: string;
  let local: KnowledgeBase;

  beforeAll(async () => {
    copyCorpus = await tempDir('corpus');
    copyIndex = await tempDir('index-incremental');
    await cp(SEED_PATH, path.join(copyCorpus, SEED_FILE));
    local = await open({ corpusDir: copyCorpus, indexDir: copyIndex });
  }, 60_000);

  it('embeds only the new document’s sentences and keeps the labels of unchanged passages', async () => {
    const before = local.snapshot;
    const oldSentences = before.documents.reduce((sum, d) => sum + d.sentences.length, 0);
    const newSentences = splitSentences(NEW_DOC.slice(NEW_DOC.indexOf('---\nAlmaty') + 4)).length;
    expect([oldSentences, newSentences]).toEqual([27, 3]);

    await writeFile(path.join(copyCorpus, NEW_FILE), NEW_DOC);
    const outcome = await local.rebuild();
    if (outcome.status !== 'done') throw new Error('rebuild was busy');
    expect(outcome.stats).toMatchObject({ embedded: newSentences, reused: oldSentences, removed: 0 });
    expect(outcome.snapshot).toBe(local.snapshot);
    expect(local.snapshot.documentById.get('library-report')?.sentences).toHaveLength(newSentences);
    expect(local.snapshot.manifest.counts).toEqual({ documents: 2, passages: 14, sentences: 30 });
    expect(local.snapshot.vectors.size).toBe(14);

    const labels = new Map(local.snapshot.documents.flatMap((d) => d.passages.map((p) => [p.id, p.label] as const)));
    for (const passage of before.documents.flatMap((d) => d.passages)) expect(labels.get(passage.id)).toBe(passage.label);
    // The snapshot that was live during the rebuild is untouched.
    expect(before.documentById.has('library-report')).toBe(false);
  });

  it('answers from the new document, with its source', async () => {
    const answer = await ask(local.snapshot, 'How many new books did the library receive?');
    if (!answer.answered) throw new Error('abstained on the new document');
    expect(answer.quotes[0]).toMatchObject({
      documentId: 'library-report',
      title: 'Almaty library: annual report',
      publisher: 'City Desk',
      text: 'The city library of Almaty received 4,500 new books in March.',
    });
    expect(answer.figures).toContain('4,500');
    expectVerbatim(local.snapshot, answer);
    const old = await ask(local.snapshot, 'How many people died?');
    expect(old.answered && old.quotes[0]!.text).toContain('230 people died during the riots');
  });

  it('leaves CURRENT pointing to a complete build, with no temp or stale folders', async () => {
    await expectCleanIndexDir(copyIndex, local.snapshot);
  });

  it('re-opens the incremental build from disk without rebuilding', async () => {
    const notices: string[] = [];
    const reopened = await open({ corpusDir: copyCorpus, indexDir: copyIndex }, notices);
    expect(notices).toEqual([]);
    expect(reopened.snapshot.manifest.builtAt).toBe(local.snapshot.manifest.builtAt);
    const answer = await ask(reopened.snapshot, 'How many new books did the library receive?');
    expect(answer.answered && answer.quotes[0]!.text).toContain('4,500 new books');
  });

  it('rebuilds with nothing to embed when nothing changed, and removes the passages of a deleted document', async () => {
    const same = await local.rebuild();
    expect(same.status === 'done' && same.stats).toMatchObject({ embedded: 0, reused: 30, removed: 0 });
    await rm(path.join(copyCorpus, NEW_FILE));
    const removed = await local.rebuild();
    expect(removed.status === 'done' && removed.stats).toMatchObject({ embedded: 0, reused: 27, removed: 1 });
    expect(local.snapshot.vectors.size).toBe(13);
    expect((await ask(local.snapshot, 'How many new books did the library receive?')).answered).toBe(false);
    await expectCleanIndexDir(copyIndex, local.snapshot);
  });

  it('keeps one vector per passage when two documents share passages (the same article saved twice)', async () => {
    const twinCorpus = await tempDir('corpus-twins');
    const twinIndex = await tempDir('index-twins');
    await cp(SEED_PATH, path.join(twinCorpus, 'a.md'));
    await cp(SEED_PATH, path.join(twinCorpus, 'b.md'));
    const twins = await open({ corpusDir: twinCorpus, indexDir: twinIndex });
    expect(twins.snapshot.vectors.size).toBe(26);
    for (const round of [1, 2]) {
      await writeFile(path.join(twinCorpus, `note-${round}.md`), `Note ${round}\n\nThe orchestra played for ${round + 1} hours in the park.`);
      const outcome = await twins.rebuild();
      if (outcome.status !== 'done') throw new Error('rebuild was busy');
      expect(outcome.stats).toMatchObject({ embedded: 2, removed: 0 });
      expect(twins.snapshot.vectors.size).toBe(twins.snapshot.manifest.counts.passages);
    }
    const labels = twins.snapshot.documents.flatMap((d) => d.passages.map((p) => p.label));
    expect(new Set(labels).size).toBe(labels.length);
    // Every neighbour the vector index returns is a live passage.
    const reopened = await open({ corpusDir: twinCorpus, indexDir: twinIndex });
    const [query] = await embedder.embed(['How many people died?'], 'query');
    const neighbours = reopened.snapshot.vectors.search(query!, 100);
    expect(neighbours).toHaveLength(28);
    for (const { label } of neighbours) expect(reopened.snapshot.passageByLabel.has(label)).toBe(true);
  });
});

describe('npm run ask', () => {
  const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
  const script = path.join(projectRoot, 'scripts', 'ask.ts');
  let askIndex: string;

  beforeAll(async () => {
    askIndex = await tempDir('index-cli');
  });

  const askCli = (...args: string[]) =>
    run(tsx, [script, ...args], {
      cwd: projectRoot,
      env: { ...process.env, INDEX_DIR: askIndex, CORPUS_DIR: corpusDir, MODELS_DIR: modelsDir, EMBEDDING_MODEL: 'bundled' },
      timeout: 60_000,
    });

  it('prints exactly one JSON object with the documented fields, and exits 0', async () => {
    const { stdout, stderr } = await askCli('--json', 'How many people died?');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result).sort()).toEqual(['answered', 'closest', 'figures', 'question', 'quotes', 'text', 'tier', 'tookMs']);
    expect(result).toMatchObject({ question: 'How many people died?', answered: true, tier: 'answer', closest: null, figures: ['230'] });
    expect(result.quotes.length).toBeGreaterThan(0);
    for (const quote of result.quotes) expect(Object.keys(quote).sort()).toEqual(['documentId', 'publisher', 'score', 'text', 'title', 'url']);
    expect(result.quotes[0]).toMatchObject({
      documentId: SEED_FILE.replace(/\.md$/, ''),
      title: 'Kazakhstan: President confirmed the fact of torture of participants in the January events',
      publisher: 'ACCA',
      url: null,
    });
    expect(result.quotes[0].text).toContain('230 people died during the riots');
    expect(kb.snapshot.documents[0]!.text).toContain(result.quotes[0].text);
    expect(typeof result.quotes[0].score).toBe('number');
    expect(result.text).toContain(result.quotes[0].text);
    expect(typeof result.tookMs).toBe('number');
    // The first run built the index: the notice went to stderr, not into the JSON.
    expect(stderr).toContain('Building the index');
  }, 60_000);

  it('answers an unanswerable question with answered:false and exit code 0', async () => {
    const { stdout, stderr } = await askCli('--json', 'What is the capital of France?');
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ question: 'What is the capital of France?', answered: false, tier: 'not-covered', closest: null, quotes: [], figures: [] });
    expect(result.text).toMatch(/do not cover/);
    expect(stderr).not.toContain('Building the index');
  }, 60_000);

  it('fails with a one-line message on stderr when no question is given', async () => {
    const failure = await askCli('--json').then(
      () => undefined,
      (error: { code?: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toBeDefined();
    expect(failure!.code).not.toBe(0);
    expect(failure!.code).toBeTypeOf('number');
    expect(failure!.stdout).toBe('');
    const lines = failure!.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error: No question given\. Usage: npm run ask/);
  }, 60_000);
});
