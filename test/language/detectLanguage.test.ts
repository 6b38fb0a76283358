import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/language/analyzer.js';
import { detectLanguage } from '../../src/language/detectLanguage.js';

describe('detectLanguage', () => {
  it.each<[string, Language | null]>([
    ['How many people died?', 'en'],
    ['Сколько человек погибло?', 'ru'],
    ['Кто это?', 'ru'],
    ['Съезд', 'ru'],
    // A Kazakh-only letter.
    ['Қанша адам қаза тапты?', 'kk'],
    ['Бұл не?', 'kk'],
    // Kazakh written only in letters Russian has too, told by its function words.
    ['Ол кім?', 'kk'],
    ['Мен сені', 'kk'],
    // The script with more letters wins: a name in the other script does not change the language.
    ['Сколько погибло в Almaty?', 'ru'],
    ['How many died in Алматы?', 'en'],
    ['Kazakhstan Қазақстан', 'en'],
    // No letters, no language.
    ['2022?', null],
    ['', null],
    ['?!', null],
  ])('%j → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
