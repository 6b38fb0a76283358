import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/language/analyzer.js';
import { detectDocumentLanguage } from '../../src/language/documentLanguage.js';

const RUSSIAN_WITH_KAZAKH_NAMES =
  'В Алматы протестующие захватили здание акимата и аэропорт. Президент Қасым-Жомарт Тоқаев объявил режим чрезвычайного положения, ' +
  'а в Ақорда прошло совещание. По данным министерства, задержаны несколько тысяч человек, многие из них позже были отпущены.';
const KAZAKH =
  'Алматыда наразылық білдірушілер әкімдік ғимаратын және әуежайды басып алды. Президент төтенше жағдай режимін жариялады. ' +
  'Министрліктің мәліметінше, бірнеше мың адам ұсталды, олардың көбі кейін босатылды.';

describe('detectDocumentLanguage', () => {
  it.each<[string, string, Language | null]>([
    ['English prose', 'Protesters seized the airport in Almaty on 5 January.', 'en'],
    ['Russian prose with a few Kazakh names stays Russian', RUSSIAN_WITH_KAZAKH_NAMES, 'ru'],
    ['Kazakh prose', KAZAKH, 'kk'],
    ['a short Russian post', 'Аэропорт Алматы закрыт.', 'ru'],
    ['a short Kazakh post, told by its letters', 'Әуежай жабық.', 'kk'],
    ['no letters', '🔥 2022 👇', null],
  ])('%s', (_, text, language) => {
    expect(detectDocumentLanguage(text)).toBe(language);
  });
});
