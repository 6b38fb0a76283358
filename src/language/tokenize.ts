const WORD = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;

/** Lower-cased word tokens, possessives dropped; numbers kept (thousands separators removed). */
export function tokenize(text: string): string[] {
  const normalised = text.replace(/(\d)[,\u00A0\u202F ](?=\d{3}\b)/g, '$1');
  return (normalised.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/[’'](s|ы|і)?$/u, ''));
}

export const CYRILLIC = /[\u0400-\u04FF]/u;
