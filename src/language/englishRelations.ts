import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * General English lexical knowledge from WordNet, as Snowball English stems: synonyms of a word's
 * most frequent senses, their direct hypernyms, derivations ("death" ~ "die") and verb causes and
 * entailments ("kill" ~ "die"). Built by scripts/build-wordnet.ts; nothing here names a document.
 */
export const WORDNET_FORMAT_VERSION = 1;

export interface EnglishRelationsTable {
  readonly formatVersion: number;
  readonly stemmer: string;
  /** Each related pair once, under its alphabetically smaller stem. */
  readonly relations: Readonly<Record<string, readonly string[]>>;
  /** Irregular forms that are not words of their own ("fought", "men") to the stem of their base. */
  readonly irregular: Readonly<Record<string, string>>;
}

/** Resolved from this module, so tsx (src/language/) and a build that copies data/ beside it both find it. */
export const WORDNET_TABLE_FILE = fileURLToPath(new URL('./data/wordnet-en.json', import.meta.url));

/** A table read from `file`, refused with an error naming the file unless it has this format. */
export function parseEnglishRelations(text: string, file: string): EnglishRelationsTable {
  const table = JSON.parse(text) as Partial<EnglishRelationsTable>;
  if (table.formatVersion !== WORDNET_FORMAT_VERSION) {
    throw new Error(
      `${file}: formatVersion ${String(table.formatVersion)}, expected ${WORDNET_FORMAT_VERSION}; rebuild it with npx tsx scripts/build-wordnet.ts`,
    );
  }
  if (table.stemmer !== 'snowball-english' || typeof table.relations !== 'object' || typeof table.irregular !== 'object') {
    throw new Error(`${file}: not a snowball-english relations table; rebuild it with npx tsx scripts/build-wordnet.ts`);
  }
  return table as EnglishRelationsTable;
}

interface LoadedRelations {
  readonly related: ReadonlyMap<string, readonly string[]>;
  readonly irregular: Readonly<Record<string, string>>;
}

/** The table's pairs closed symmetrically: b is related to a whenever a is to b. */
export function closeRelations(table: EnglishRelationsTable): LoadedRelations {
  const related = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = related.get(a);
    if (list) list.push(b);
    else related.set(a, [b]);
  };
  for (const [stem, others] of Object.entries(table.relations)) {
    for (const other of others) {
      add(stem, other);
      add(other, stem);
    }
  }
  return { related, irregular: table.irregular };
}

let loaded: LoadedRelations | undefined;

function relations(): LoadedRelations {
  loaded ??= closeRelations(parseEnglishRelations(readFileSync(WORDNET_TABLE_FILE, 'utf8'), WORDNET_TABLE_FILE));
  return loaded;
}

const NONE: readonly string[] = Object.freeze([]);

/** Stems related to `stem` (symmetric: if b is in relatedStems(a), a is in relatedStems(b)). */
export function relatedStems(stem: string): readonly string[] {
  return relations().related.get(stem) ?? NONE;
}

/** The stem of the base of an irregular form ("fought" → "fight"), for a lower-cased word. */
export function irregularBase(word: string): string | undefined {
  const irregular = relations().irregular;
  return Object.hasOwn(irregular, word) ? irregular[word] : undefined;
}

/** Reads the table now (about 0.3 s), so the first question does not wait for it. */
export function preloadEnglishRelations(): void {
  relations();
}
