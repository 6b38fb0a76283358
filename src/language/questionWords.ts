/**
 * What kind of answer a question's wording asks for, in English, Russian and Kazakh. General
 * question grammar only: nothing here knows any document.
 */
export type AnswerKind = 'who' | 'when' | 'where' | 'count' | 'money' | 'why' | 'how' | 'other';

const OPENING = String.raw`^[\s"“«(]*(?:(?:and|but|so|а|и|но|так|ну)\s+)?(?:(?:to|by|from|with|for|of|in|at|on|since|until|с|до|от|у|к|по|в|на|о|об)\s+)?`;
const END = String.raw`(?![\p{L}])`;

/** Tried in order: "how much money" is money before it is "how"; "in what year" is when before other. */
const KINDS: Array<[AnswerKind, RegExp]> = [
  ['money', /\bhow much (money|damage|did .* cost|does .* cost|was .* worth)|\bwhat (was|is|were) the (cost|price|value|damage|losses)\b|сколько (денег|стоил|стоит|стоила|стоило)|во сколько обош|қанша (ақша|тұрады|тұрды|теңге)/iu],
  ['count', /\bhow many\b|\bhow much\b|\bnumber of\b|\bwhat (percentage|percent|proportion|share|fraction)\b|\bhow (large|big|long|old|tall|high|far)\b|сколько|какое количество|какой процент|скольк|(?<!\p{L})(қанша|неше)|нешінші/iu],
  ['when', new RegExp(String.raw`${OPENING}(when|когда)${END}|\b(what|which) (date|day|month|year|century|decade|time|period|era)\b|\bin (what|which) (year|century|decade|month)\b|в (каком|какой) (году|веке|месяце|день|период|десятилетии)|какого (числа|года)|с какого (года|времени)|қашан|қай (жылы|уақытта|кезде|ғасырда|күні|айда|жылдан)`, 'iu')],
  ['who', new RegExp(String.raw`${OPENING}(who|whom|whose|кто|кого|кому|кем|чей|чья|чьё|чьи)${END}|\bwhich (person|people|company|team|group|organization|organisation|player|king|leader|scientist)\b|(?<!\p{L})кім`, 'iu')],
  ['where', new RegExp(String.raw`${OPENING}(where|где|куда|откуда)${END}|\b(what|which) (country|city|town|place|region|state|location|river|continent|area)\b|в (какой|каком) (стране|городе|месте|регионе|области|районе)|қайда|қайдан|қай (жерде|елде|қалада|өңірде|аймақта)`, 'iu')],
  ['why', new RegExp(String.raw`${OPENING}(why|почему|зачем|отчего)${END}|\bfor what reason\b|\bwhat (caused|causes|led to|triggered)\b|по какой причине|(?<!\p{L})(неге|неліктен)(?!\p{L})|не үшін|не себепті|себебі не`, 'iu')],
  ['how', new RegExp(String.raw`${OPENING}(how|как|каким образом)${END}|қалай`, 'iu')],
];

export function answerKind(question: string): AnswerKind {
  for (const [kind, pattern] of KINDS) if (pattern.test(question)) return kind;
  return 'other';
}

/** Words and phrases that state a cause or purpose: what a why-question's answer contains. */
const CAUSE_MARKERS =
  /\b(because|due to|owing to|as a result|result of|caused by|since|so that|in order to|in protest|against|led to|reason|thanks to)\b|потому что|так как|из-за|вследствие|в связи с|поскольку|чтобы|в знак протеста|против|причин|благодаря|себебі|өйткені|салдарынан|байланысты|үшін|себеп|қарсы/iu;

export function statesCause(sentence: string): boolean {
  return CAUSE_MARKERS.test(sentence);
}

/** Month names are capitalised in English ("may" is a verb); the Cyrillic ones are matched as written. */
const ENGLISH_DATE_WORDS =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|[Cc]entury|[Cc]enturies|[Dd]ecade|BC|AD)\b/u;
const CYRILLIC_DATE_WORDS =
  /(?<!\p{L})(январ|феврал|март|апрел|мая(?!\p{L})|июн|июл|август|сентябр|октябр|ноябр|декабр|век(?!\p{L})|веке|века|веков|году(?!\p{L})|годах|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|ғасыр|жылы(?!\p{L}))/iu;

export function statesDate(sentence: string): boolean {
  return ENGLISH_DATE_WORDS.test(sentence) || CYRILLIC_DATE_WORDS.test(sentence) || /\b1\d{3}\b|\b20\d{2}\b/.test(sentence);
}

/** Numbers written as words: "nine nations" states a count as surely as "9 nations". */
const NUMBER_WORDS =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|third|quarter|once|twice)\b|(?<!\p{L})(два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двадцать|тридцать|сорок|пятьдесят|сто|сотни|тысяч\p{L}*|миллион\p{L}*|миллиард\p{L}*|половин\p{L}*|треть|четверть|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|жүз|мың|миллион|жарты)(?!\p{L})/iu;

export function statesNumberWord(sentence: string): boolean {
  return NUMBER_WORDS.test(sentence);
}
