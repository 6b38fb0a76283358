/**
 * Surface cues of a sentence that the question type cares about. Crude on purpose: they nudge a score,
 * they never decide an answer alone.
 */

const OPENING_QUOTES = /^[\s“”"«»‘’']+/u;
/** Capitalised because they are names of time, not of anyone who acts. */
const CALENDAR_WORDS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Январ\p{L}*|Феврал\p{L}*|Март\p{L}*|Апрел\p{L}*|Ма[йя]\p{L}*|Июн\p{L}*|Июл\p{L}*|Август\p{L}*|Сентябр\p{L}*|Октябр\p{L}*|Ноябр\p{L}*|Декабр\p{L}*|Қаңтар\p{L}*|Ақпан\p{L}*|Наурыз\p{L}*|Сәуір\p{L}*|Мамыр\p{L}*|Маусым\p{L}*|Шілде\p{L}*|Тамыз\p{L}*|Қыркүйек\p{L}*|Қазан\p{L}*|Қараша\p{L}*|Желтоқсан\p{L}*)$/u;

/**
 * Whether the sentence names someone: an acronym anywhere ("МВД", "CSTO"), or a capitalised word
 * after the first ("the Commissioner for Human Rights"); every sentence capitalises its first word,
 * so that one alone proves nothing.
 */
export function namesAgent(sentence: string): boolean {
  const words = sentence.replace(OPENING_QUOTES, '').match(/[\p{L}][\p{L}\p{N}’'-]*/gu) ?? [];
  return words.some((word, i) => /^\p{Lu}{2,}$/u.test(word) || (i > 0 && /^\p{Lu}\p{Ll}/u.test(word) && !CALENDAR_WORDS.test(word)));
}

/**
 * Openings that lean on the sentence before: "According to him, …", "As a result, …", "Such work …".
 * What such a sentence is about is partly in its predecessor. "This year", "That day" and "Then-" are
 * dates, not references.
 */
const BACK_REFERENCE =
  /^(according to (him|her|them)|as a result|as a consequence|thus|therefore|consequently|then|however|such|this|these|that|those|he|she|they|in (this|that|response)|по его словам|по ее словам|по их словам|в результате|таким образом|поэтому|это|эти|такие|он|она|они|осылайша|нәтижесінде|бұл|ол)(?![\p{L}\p{N}‐-])(?!\s+(year|day|week|month|time|morning|evening|night)\b)/iu;

export function refersBack(sentence: string): boolean {
  return BACK_REFERENCE.test(sentence.replace(OPENING_QUOTES, ''));
}
