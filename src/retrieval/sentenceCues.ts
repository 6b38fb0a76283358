/** Surface cues of a sentence: whether it leans on the one before. */

const OPENING_QUOTES = /^[\s“”"«»‘’']+/u;
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
