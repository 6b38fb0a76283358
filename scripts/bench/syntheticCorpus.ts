import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderDocumentFile } from '../../src/corpus/frontMatter.js';
import {
  CITIES, DISTRICTS, EVENTS, type EventKind, FILLER, FIRST_NAMES, LAST_NAMES, MONTHS, OFF_TOPIC, ORGANISATIONS, REGIONS, ROLES, WEEKDAYS,
} from './vocabulary.js';

/** A question with the figure its answer must carry; null when the corpus does not answer it. */
export interface BenchQuestion {
  question: string;
  figure: string | null;
}

export interface SyntheticCorpus {
  documents: number;
  questions: BenchQuestion[];
}

/** Passages per article. With 3-sentence windows overlapping by 1, 2P body sentences + a title line make exactly P. */
const PASSAGES_PER_DOCUMENT = 20;
const SENTENCES_PER_PARAGRAPH = 4;
const YEARS = 10;
/** Every article gets its own (city, event, month, year), so a question naming them has one right answer. */
const STORY_COUNT = CITIES.length * EVENTS.length * MONTHS.length * YEARS;
/** Coprime with STORY_COUNT: i ↦ i·STRIDE mod STORY_COUNT visits every story once, well mixed. */
const STORY_STRIDE = 7919;

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const grouped = (n: number) => n.toLocaleString('en-US');

interface Story {
  city: string;
  region: string;
  district: string;
  event: EventKind;
  month: string;
  year: number;
  day: number;
  org: string;
  when: string;
}

function storyFor(index: number, random: Random): Story {
  let code = (index * STORY_STRIDE) % STORY_COUNT;
  const take = (n: number) => {
    const value = code % n;
    code = Math.floor(code / n);
    return value;
  };
  const city = CITIES[take(CITIES.length)] as string;
  const event = EVENTS[take(EVENTS.length)] as EventKind;
  const month = MONTHS[take(MONTHS.length)] as string;
  const year = 2014 + take(YEARS);
  return { city, event, month, year, day: between(random, 1, 28), region: pick(random, REGIONS), district: pick(random, DISTRICTS), org: pick(random, ORGANISATIONS), when: `${month} ${year}` };
}

function person(random: Random): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}

/** One figure-bearing sentence and a question about it in other words. */
type Fact = (s: Story, random: Random) => { sentence: string; question: string; figure: string };

const FACTS: Fact[] = [
  (s, r) => {
    const n = grouped(between(r, 120, 48_000));
    return { sentence: `${n} residents of ${s.city} were evacuated after the ${s.event.noun} on ${s.month} ${s.day}, ${s.year}.`, figure: n,
      question: `How many people had to leave their homes in ${s.city} because of the ${s.when} ${s.event.synonym}?` };
  },
  (s, r) => {
    const figure = `about $${between(r, 2, 900)} million`;
    return { sentence: `The ${s.org} estimated the damage from the ${s.event.noun} in ${s.city} at ${figure}.`, figure,
      question: `What losses did the ${s.event.synonym} in ${s.city} in ${s.when} cause, according to the ${s.org}?` };
  },
  (s, r) => {
    const figure = `At least ${between(r, 3, 700)}`;
    return { sentence: `${figure} people were injured in ${s.city}, ${person(r)}, the ${pick(r, ROLES)} of the ${s.org}, told reporters on ${pick(r, WEEKDAYS)}.`, figure,
      question: `How many people were hurt in ${s.city} during the ${s.when} ${s.event.synonym}?` };
  },
  (s, r) => {
    const figure = `${between(r, 4, 96)} percent`;
    return { sentence: `${person(r)}, the ${pick(r, ROLES)} of the ${pick(r, ORGANISATIONS)}, said that ${figure} of ${s.event.things} in ${s.region} were ${s.event.state}.`, figure,
      question: `What proportion of ${s.event.things} in ${s.region} were ${s.event.stateSynonym} after the ${s.when} ${s.event.synonym} in ${s.city}?` };
  },
  (s, r) => {
    const figure = grouped(between(r, 6, 240));
    return { sentence: `The ${s.event.noun} in ${s.city} lasted ${between(r, 2, 19)} days and affected ${figure} villages.`, figure,
      question: `How many villages were hit by the ${s.event.synonym} in ${s.city} in ${s.when}?` };
  },
  (s, r) => {
    const figure = `${between(r, 2, 95)} billion tenge`;
    return { sentence: `The government of ${s.region} allocated ${figure} to repair ${s.event.things} in ${s.city}.`, figure,
      question: `How much money was set aside to fix ${s.event.things} in ${s.city} after the ${s.when} ${s.event.synonym}?` };
  },
  (s, r) => {
    const figure = grouped(between(r, 4, 900));
    return { sentence: `Police in ${s.city} detained ${figure} people suspected of looting after the ${s.event.noun}.`, figure,
      question: `How many suspected looters were arrested in ${s.city} after the ${s.when} ${s.event.synonym}?` };
  },
  (s, r) => {
    const figure = grouped(between(r, 300, 90_000));
    return { sentence: `${figure} homes in ${s.district} of ${s.city} were left without electricity for ${between(r, 2, 14)} days.`, figure,
      question: `How many households in ${s.district} of ${s.city} lost power after the ${s.when} ${s.event.synonym}?` };
  },
];

function fillerSentence(s: Story, r: Random): string {
  const f = FILLER;
  switch (between(r, 0, 3)) {
    case 0: return `${pick(r, f.subjects)} in ${s.city} ${pick(r, f.verbs)} ${pick(r, f.objects)} ${pick(r, f.times)}.`;
    case 1: return `${person(r)}, the ${pick(r, ROLES)} of the ${pick(r, ORGANISATIONS)}, promised to ${pick(r, f.plans)} ${pick(r, f.deadlines)}.`;
    case 2: return `"We need to ${pick(r, f.plans)} ${pick(r, f.deadlines)}," said ${person(r)}, who lives in ${pick(r, DISTRICTS)}.`;
    default: return `The ${pick(r, ORGANISATIONS)} said it would ${pick(r, f.plans)} and ${pick(r, f.plans)} ${pick(r, f.deadlines)}.`;
  }
}

/** Title, then 2·passages body sentences in paragraphs: the facts spread among commentary. */
function article(s: Story, passages: number, r: Random): { text: string; facts: BenchQuestion[] } {
  const bodyCount = 2 * passages;
  const facts = FACTS.slice(0, Math.min(FACTS.length, bodyCount)).map((fact) => fact(s, r));
  const body = Array.from({ length: bodyCount - facts.length }, () => fillerSentence(s, r));
  for (const fact of facts) body.splice(between(r, 0, body.length), 0, fact.sentence);
  const paragraphs: string[] = [];
  for (let i = 0; i < body.length; i += SENTENCES_PER_PARAGRAPH) paragraphs.push(body.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  const title = `${capitalise(s.event.noun)} in ${s.city}: what we know about the ${s.when} disaster`;
  return { text: `${title}\n\n${paragraphs.join('\n\n')}\n`, facts: facts.map(({ question, figure }) => ({ question, figure })) };
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Writes news-like articles totalling `passages` passages into `dir` (one file per article) and
 * returns `questionCount` questions: four in five paraphrase a fact of a random article, the rest are off-topic.
 */
export async function writeSyntheticCorpus(dir: string, passages: number, questionCount: number, seed = 42): Promise<SyntheticCorpus> {
  const random = seededRandom(seed);
  await mkdir(dir, { recursive: true });
  const facts: BenchQuestion[][] = [];
  for (let i = 0, left = passages; left > 0; i++, left -= PASSAGES_PER_DOCUMENT) {
    if (i >= STORY_COUNT) throw new RangeError(`At most ${STORY_COUNT * PASSAGES_PER_DOCUMENT} passages can be generated.`);
    const story = storyFor(i, random);
    const { text, facts: documentFacts } = article(story, Math.min(PASSAGES_PER_DOCUMENT, left), random);
    const meta = { title: text.slice(0, text.indexOf('\n')), publisher: 'Bench Wire', date: `${story.year}-${String(MONTHS.indexOf(story.month) + 1).padStart(2, '0')}-${String(story.day).padStart(2, '0')}`, language: 'en' };
    await writeFile(path.join(dir, `bench-${String(i).padStart(6, '0')}.md`), renderDocumentFile(meta, text));
    facts.push(documentFacts);
  }
  return { documents: facts.length, questions: questionsFrom(facts, questionCount, random) };
}

function questionsFrom(facts: readonly BenchQuestion[][], count: number, random: Random): BenchQuestion[] {
  const prefixes = ['', 'Can you tell me: ', 'Quick question. '];
  return Array.from({ length: count }, (_, i) => {
    if (i % 5 === 4) return { question: `${pick(random, prefixes)}${pick(random, OFF_TOPIC)}`, figure: null };
    return pick(random, pick(random, facts));
  });
}
