import snowball from 'snowball-stemmers';

/** The one importer of snowball-stemmers: a stem function per Snowball algorithm, made once. */
export type Stem = (word: string) => string;

const made = new Map<string, Stem>();

export function snowballStemmer(algorithm: 'english' | 'russian'): Stem {
  let stem = made.get(algorithm);
  if (!stem) {
    const stemmer = snowball.newStemmer(algorithm);
    stem = (word) => stemmer.stem(word);
    made.set(algorithm, stem);
  }
  return stem;
}
