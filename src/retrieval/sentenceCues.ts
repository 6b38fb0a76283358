/**
 * Surface cues of a sentence that the question type cares about. Crude on purpose: they nudge a score,
 * they never decide an answer alone.
 */

const OPENING_QUOTES = /^[\s“”"«»‘’']+/u;

/** Whether the sentence names someone: a capitalised word after its first ("the Commissioner for Human Rights"). */
export function namesAgent(sentence: string): boolean {
  const rest = sentence.replace(OPENING_QUOTES, '').replace(/^\S+/u, '');
  return /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}/u.test(rest);
}

/**
 * Openings that lean on the sentence before: "According to him, …", "As a result, …", "Such work …".
 * What such a sentence is about is partly in its predecessor.
 */
const BACK_REFERENCE =
  /^(according to (him|her|them|it)|as a result|as a consequence|thus|therefore|consequently|then|however|such|this|these|that|those|it|he|she|they|there|in (this|that|response)|по его словам|в результате|таким образом|поэтому|это|эти|такие|он|она|они|осылайша|нәтижесінде|бұл|ол)(?![\p{L}])/iu;

export function refersBack(sentence: string): boolean {
  return BACK_REFERENCE.test(sentence.replace(OPENING_QUOTES, ''));
}
