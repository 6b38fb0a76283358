import { languageNames } from '../../answer/questionLanguage.js';
import { bold, code, escapeHtml } from '../html.js';
import type { RejectionReason } from '../../corpus/document.js';
import type { FetchRefusalReason } from '../../corpus/extract/safeFetch.js';
import type { Strings } from '../i18n.js';
import { reportLines, totalsLine } from './reportLines.js';
import { numberFormatter, percent, uptime } from './numbers.js';

/** Language names as they stand before "тілінде". */
const LANGUAGE_STEMS: Record<string, string> = { en: 'ағылшын', ru: 'орыс', kk: 'қазақ' };

// Kazakh does not inflect nouns after numerals ("3 құжат"), so no plural rules are needed.
const { n, s, size } = numberFormatter('kk', { kb: 'КБ', mb: 'МБ' });
const totals = totalsLine(n, { questions: (count) => `${n(count)} сұрақ`, answered: 'жауаппен', probably: '«мүмкін»', abstained: 'жауапсыз' });
const STAGES: Record<string, string> = { embed: 'Векторлау', load: 'Жүктеу', write: 'Жазу', downloading: 'Жүктеп алу, КБ', reading: 'Беттерді оқу' };
const LINK_REFUSALS: Record<FetchRefusalReason, string> = {
  'bad-url': 'бұл сілтемеге ұқсамайды.',
  scheme: 'тек http және https сілтемелері жүктеледі.',
  'internal-address': 'ол жергілікті немесе ішкі желі мекенжайына апарады, қауіпсіздік үшін мұндай сілтемелерге тыйым салынған.',
  'too-many-redirects': 'ол 5 реттен көп қайта бағыттайды.',
  'too-large': 'файл жүктеу шегінен үлкен.',
  timeout: 'сайт 15 секунд ішінде жауап бермеді.',
  'http-status': 'сайт қатемен жауап берді.',
  'content-type': 'тек веб-беттерді, PDF, қарапайым мәтінді және Word (.docx) файлдарын қосуға болады.',
  unreachable: 'сайтқа қосылу мүмкін болмады.',
};
const EXTRACT_REJECTIONS: Partial<Record<RejectionReason, string>> = {
  'no-text-layer': 'Бұл PDF-те оқитын мәтін жоқ (сканерленген беттерге қолдау көрсетілмейді).',
  encrypted: 'Файл құпиясөзбен қорғалған. Құпиясөзсіз көшірмесін жіберіңіз.',
  'zip-bomb': 'Файл құжат ала алатыннан әлдеқайда үлкен көлемге ашылады, сондықтан мен оны ашпадым.',
  'no-article': 'Бұл бетте мақала мәтінін таппадым.',
  unreadable: 'Файлды оқу мүмкін болмады; ол зақымдалған болуы мүмкін.',
};

export const kk: Strings = {
  commands: {
    start: 'Таныстыру және сұрақ мысалдары',
    help: 'Қалай сұрау керек және мен қандай құжаттарды келтіремін',
    sources: 'Мен жауап беретін құжаттар',
    ask: 'Топта сұрақ қою: /ask <сұрақ>',
    reindex: 'Әкімші: индексті қайта құру',
    docs: 'Әкімші: құжаттар тізімі (id-мен)',
    remove: 'Әкімші: құжатты жою: /remove <id>',
    stats: 'Әкімші: индекс пен сұрақтар статистикасы',
    unanswered: 'Әкімші: жауапсыз немесе 👎 алған жиі сұрақтар: /unanswered [күн]',
    feedback: 'Әкімші: ең төмен бағаланған жауаптар: /feedback [күн]',
    add: 'Әкімші: сілтеме бойынша бетті, PDF немесе Word файлын қосу: /add <url>',
  },
  intro: (documents) =>
    `Мен Қазақстандағы 2022 жылғы қаңтар оқиғалары туралы сұрақтарға тек ${n(documents)} құжаттан алынған сөзбе-сөз дәйексөздермен жауап беремін:`,
  introEmpty: 'Мен Қазақстандағы 2022 жылғы қаңтар оқиғалары туралы сұрақтарға дәйексөздермен жауап беремін, бірақ әзірге құжаттар жүктелмеген.',
  examples: 'Мына сұрақтардың бірін қойып көріңіз:',
  helpUsage: (bot) =>
    [
      'Маған сұрақ жіберіңіз, мен құжаттардағы сөйлемдермен, әр дәйексөздің астында дереккөзімен жауап беремін.',
      `Топтарда ${code('/ask <сұрақ>')} командасын қолданыңыз немесе @${escapeHtml(bot)} деп атаңыз. Кез келген чатта: ${code(`@${bot} <сұрақ>`)}.`,
    ].join('\n'),
  sourcesHeader: (documents) => bold(`Құжаттар (${n(documents)}):`),
  noDocuments: 'Әзірге құжаттар жүктелмеген.',
  notCovered: 'Кешіріңіз, менің құжаттарымда бұл сұраққа жауап жоқ, сондықтан келтіретін дәйексөз жоқ.',
  probably: (languages) =>
    languages
      ? `Мүмкін (сенімді емеспін), ${escapeHtml(languageNames('kk', languages, LANGUAGE_STEMS))} тіліндегі құжаттардан:`
      : 'Мүмкін (бұл жауап екеніне сенімді емеспін):',
  unsupportedLanguage: (languages) => {
    const names = escapeHtml(languageNames('kk', languages, LANGUAGE_STEMS));
    return `Кешіріңіз, келтіретін дәйексөз табылмады. Бұл құжаттар туралы сұрақты ${names} тілінде қоюға болады; басқа тілдегі сұрақ сол тілде жазылған құжаттар бойынша жұмыс істейді.`;
  },
  answerFromDocumentsIn: (languages) => `${escapeHtml(languageNames('kk', languages, LANGUAGE_STEMS))} тіліндегі құжаттардан жауап:`,
  emptyCorpus: 'Кешіріңіз, әзірге жауап беретін құжаттар жоқ.',
  emptyQuestion: 'Құжаттар туралы сұрақ жазыңыз.',
  suggestionsHeader: 'Мына сұрақтардың жауабы бар:',
  tooLong: (max) => `Сұрақ тым ұзын. ${n(max)} таңбадан аспауын өтінемін.`,
  nonText: 'Мен тек мәтінді түсінемін. Сұрағыңызды жазыңыз.',
  unknownCommand: 'Мұндай команданы білмеймін. Не істей алатынымды көру үшін /help жіберіңіз.',
  askUsage: (bot) => `Сұрақты командадан кейін жазыңыз, мысалы ${code(`/ask@${bot} Қанша адам ұсталды?`)}`,
  rateLimited: 'Сіз мен жауап беріп үлгергеннен жылдам сұрап жатырсыз. Бір минут күтіп, қайталап көріңіз.',
  apology: 'Кешіріңіз, бірдеңе дұрыс болмады. Сәлден кейін қайталап көріңіз.',
  buttonExpired: 'Бұл түйме ескірген. Жаңа мысалдар үшін /start жіберіңіз.',
  adminsOnly: 'Кешіріңіз, бұл тек бот әкімшілеріне арналған.',
  adminPrivateOnly: 'Әкімші командаларын менімен жеке чатта қолданыңыз.',
  busy: 'Корпусты өзгерту жүріп жатыр. Ол аяқталған соң қайталаңыз.',
  reindexStarting: 'Қайта индекстеу: корпусты оқып жатырмын…',
  progress: (stage, done, total, eta) => {
    const left = eta === undefined ? '' : `, ~${n(Math.ceil(eta))} с қалды`;
    return `${escapeHtml(STAGES[stage] ?? stage)} ${n(done)} / ${n(total)} (${percent(done, total)}%)${left}`;
  },
  reindexDone: (c) =>
    `Қайта индекстелді: ${n(c.documents)} құжат, ${n(c.passages)} үзінді; векторланды ${n(c.embedded)}, қайта қолданылды ${n(c.reused)}; ${s(c.seconds)} с.`,
  uploadTooLarge: (max) => `Файл тым үлкен. Шегі — ${size(max)}.`,
  uploadStarting: (file) => `${escapeHtml(file)} қосып жатырмын…`,
  uploadDownloadFailed: 'Файлды Telegram-нан жүктеп ала алмадым. Қайта жіберіңіз.',
  uploadAdded: (title, count, seconds) => `«${escapeHtml(title)}» қосылды: ${n(count)} үзінді, ${s(seconds)} с`,
  link: {
    usage: `Командадан кейін сілтемені жазыңыз, мысалы ${code('/add https://example.org/news/almaty')}. Веб-бет, PDF немесе Word (.docx) файлы болады.`,
    starting: (url) => `${escapeHtml(url)} жүктелуде…`,
    refused: (reason, url) => `${escapeHtml(url)} сілтемесін жүктемедім: ${LINK_REFUSALS[reason]}`,
    rejected: (reason) => EXTRACT_REJECTIONS[reason],
  },
  removeUsage: `Командадан кейін құжат id-ін жазыңыз, мысалы ${code('/remove 000_ce937058a360aa29')}. Id тізімі — /docs.`,
  removeNotFound: (id) => `${code(id)} id-і бар құжат жоқ. Id тізімі — /docs.`,
  removeConfirm: (title, id) => `«${escapeHtml(title)}» (${code(id)}) корпустан жойылсын ба?`,
  removeYes: 'Жою',
  removeNo: 'Бас тарту',
  removeCancelled: 'Ештеңе жойылған жоқ.',
  removing: (title) => `«${escapeHtml(title)}» жойылып жатыр…`,
  removed: (title, c) => `«${escapeHtml(title)}» жойылды. Қазір ${n(c.documents)} құжат, ${n(c.passages)} үзінді; ${s(c.seconds)} с.`,
  undo: 'Болдырмау',
  forwardStarting: (publisher) => `«${escapeHtml(publisher)}» жазбасын қосып жатырмын…`,
  forwardNoText: 'Қайта жіберілген хабарламада мәтін де, сипаттама да жоқ, сондықтан қосатын ештеңе жоқ: фото, бейне және дауыстық хабарламаларды оқымаймын. Мәтіні бар жазбаны жіберіңіз.',
  forwardDuplicate: (id) => `Бұл жазба корпуста бар: ${code(id)}.`,
  forwardOwnMessage: 'Бұл — менің өз хабарламам: жазғанымның бәрі корпустан алынған дәйексөз, сондықтан оны қоспаймын.',
  docsHeader: (documents) => bold(`Құжаттар (${n(documents)}):`),
  docsLine: (d) => `• ${code(d.id)} ${escapeHtml(d.title)} · ${n(d.passages)} үзінді${d.date ? ` · ${escapeHtml(d.date)}` : ''}`,
  stats: (v) =>
    [
      `Құжаттар: ${n(v.documents)}`,
      `Үзінділер: ${n(v.passages)}`,
      `Модель: ${code(v.modelId)}`,
      `Индекс құрылды: ${escapeHtml(v.builtAt)}`,
      `Жұмыс уақыты: ${uptime(v.uptimeSeconds)}`,
      `Іске қосылғаннан бері сұрақтар: ${n(v.answered)} жауаппен, ${n(v.probably)} «мүмкін», ${n(v.abstained)} жауапсыз`,
      ...(v.recovered === undefined ? [] : [`Қайта іске қосылғаннан кейін қалпына келтірілді: ${n(v.recovered)}`]),
      ...(v.totals
        ? [`Бүгін (UTC): ${totals(v.totals.today)}`, `Соңғы 7 күн: ${totals(v.totals.week)}`, `Барлық уақыт: ${totals(v.totals.all)}`]
        : ['Сұрақтар журналы: өшірулі немесе қолжетімсіз']),
    ].join('\n'),
  feedbackThanks: 'Бағаңызға рахмет!',
  feedbackChanged: 'Рахмет, бағаңыз өзгертілді.',
  feedbackUnknown: 'Бұл жауап журналда енді жоқ, оны бағалау мүмкін емес.',
  feedbackFailed: 'Бағаңызды сақтай алмадым. Кейінірек қайталап көріңіз.',
  daysUsage: (max) => `Командадан кейін 1-ден ${n(max)}-ге дейінгі күн санын жазыңыз, мысалы ${code('/unanswered 30')}. Сансыз — 7.`,
  questionLogUnavailable: 'Сұрақтар журналы өшірулі немесе қолжетімсіз, есеп жасауға дерек жоқ.',
  unansweredHeader: (days) => bold(`Соңғы ${n(days)} күнде сенімді жауапсыз немесе 👎 алған сұрақтар:`),
  unansweredNone: (days) => `Соңғы ${n(days)} күнде жауапсыз немесе 👎 алған сұрақ жоқ.`,
  worstRatedHeader: (days) => bold(`Соңғы ${n(days)} күндегі ең төмен бағаланған жауаптар:`),
  ...reportLines(n, ['«', '»']),
  worstRatedNone: (days) => `Соңғы ${n(days)} күнде бірде-бір жауап 👎 алған жоқ.`,
  inlineNoAnswerTitle: 'Құжаттарымда жауап жоқ',
  inlineNoAnswerDescription: 'Құжаттар бұл сұрақты қамтымайды. Жауабы бар сұрақтар үшін басыңыз.',
  inlineProbablyTitle: 'Мүмкін (сенімді емеспін)',
  inlineOpenChat: 'Ботпен чатты ашу',
  inlineSampleDescription: 'Сұрақ мысалы: жіберіп, «Жауап» түймесін басыңыз',
  inlineAnswerButton: 'Жауап',
};
