import { languageNames } from '../../answer/questionLanguage.js';
import { bold, code, escapeHtml } from '../html.js';
import type { Strings } from '../i18n.js';
import { reportLines, totalsLine } from './reportLines.js';
import { numberFormatter, percent, ruPlural, uptime } from './numbers.js';

/** Language names in the prepositional case, for "на английском языке". */
const PREPOSITIONAL: Record<string, string> = { en: 'английском', ru: 'русском', kk: 'казахском' };

const { n, s, size } = numberFormatter('ru', { kb: 'КБ', mb: 'МБ' });
const totals = totalsLine(n, { questions: (count) => `${n(count)} ${ruPlural(count, 'вопрос', 'вопроса', 'вопросов')}`, answered: 'с ответом', probably: '«вероятно»', abstained: 'без ответа' });
const days_ = (count: number) => `${n(count)} ${ruPlural(count, 'день', 'дня', 'дней')}`;
const docs = (count: number) => `${n(count)} ${ruPlural(count, 'документ', 'документа', 'документов')}`;
const docsFrom = (count: number) => `${n(count)} ${ruPlural(count, 'документа', 'документов', 'документов')}`;
const passages = (count: number) => `${n(count)} ${ruPlural(count, 'фрагмент', 'фрагмента', 'фрагментов')}`;
const STAGES: Record<string, string> = { embed: 'Векторизация', load: 'Загрузка', write: 'Запись' };

export const ru: Strings = {
  commands: {
    start: 'Знакомство и примеры вопросов',
    help: 'Как задавать вопросы и какие документы я цитирую',
    sources: 'Документы, по которым я отвечаю',
    ask: 'Вопрос в группе: /ask <вопрос>',
    reindex: 'Админ: пересобрать индекс',
    docs: 'Админ: список документов с id',
    remove: 'Админ: удалить документ: /remove <id>',
    stats: 'Админ: статистика индекса и вопросов',
    unanswered: 'Админ: частые вопросы без ответа или с 👎: /unanswered [дни]',
    feedback: 'Админ: ответы с худшими оценками: /feedback [дни]',
  },
  intro: (documents) =>
    `Я отвечаю на вопросы о январских событиях 2022 года в Казахстане только дословными цитатами из ${docsFrom(documents)}:`,
  introEmpty: 'Я отвечаю на вопросы о январских событиях 2022 года в Казахстане дословными цитатами, но документы пока не загружены.',
  examples: 'Попробуйте один из этих вопросов:',
  helpUsage: (bot) =>
    [
      'Пришлите мне вопрос, и я отвечу предложениями из документов, с источником под каждой цитатой.',
      `В группах используйте ${code('/ask <вопрос>')} или упомяните @${escapeHtml(bot)}. В любом чате: ${code(`@${bot} <вопрос>`)}.`,
    ].join('\n'),
  sourcesHeader: (documents) => bold(`Документы (${n(documents)}):`),
  noDocuments: 'Документы пока не загружены.',
  notCovered: 'К сожалению, в моих документах нет ответа на этот вопрос, поэтому мне нечего процитировать.',
  probably: (languages) =>
    languages
      ? `Вероятно (не уверен), из документов на ${escapeHtml(languageNames('ru', languages, PREPOSITIONAL))}:`
      : 'Вероятно (не уверен, что это ответ):',
  unsupportedLanguage: (languages) => {
    const names = escapeHtml(languageNames('ru', languages, PREPOSITIONAL));
    return `К сожалению, мне нечего процитировать. Вопросы об этих документах можно задавать на ${names} языке; на другом языке — о документах, написанных на нём.`;
  },
  answerFromDocumentsIn: (languages) => `Ответ из документов на ${escapeHtml(languageNames('ru', languages, PREPOSITIONAL))}:`,
  emptyCorpus: 'К сожалению, пока нет документов, по которым я мог бы ответить.',
  emptyQuestion: 'Пожалуйста, напишите вопрос о документах.',
  suggestionsHeader: 'На эти вопросы ответ есть:',
  tooLong: (max) => `Вопрос слишком длинный. Пожалуйста, уложитесь в ${n(max)} символов.`,
  nonText: 'Я понимаю только текст. Пожалуйста, напишите вопрос.',
  unknownCommand: 'Я не знаю такой команды. Отправьте /help, чтобы узнать, что я умею.',
  askUsage: (bot) => `Напишите вопрос после команды, например ${code(`/ask@${bot} Сколько человек задержали?`)}`,
  rateLimited: 'Вы спрашиваете быстрее, чем я успеваю отвечать. Подождите минуту и попробуйте снова.',
  apology: 'Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.',
  buttonExpired: 'Эта кнопка устарела. Отправьте /start, чтобы получить новые примеры.',
  adminsOnly: 'Извините, это доступно только администраторам бота.',
  adminPrivateOnly: 'Пожалуйста, используйте команды администратора в личном чате со мной.',
  busy: 'Изменение корпуса уже выполняется. Попробуйте, когда оно закончится.',
  reindexStarting: 'Переиндексация: читаю корпус…',
  progress: (stage, done, total, eta) => {
    const left = eta === undefined ? '' : `, осталось ~${n(Math.ceil(eta))} с`;
    return `${escapeHtml(STAGES[stage] ?? stage)} ${n(done)} / ${n(total)} (${percent(done, total)}%)${left}`;
  },
  reindexDone: (c) =>
    `Переиндексировано: ${docs(c.documents)}, ${passages(c.passages)}; векторизовано ${n(c.embedded)}, повторно использовано ${n(c.reused)}; ${s(c.seconds)} с.`,
  uploadTooLarge: (max) => `Файл слишком большой. Предел — ${size(max)}.`,
  uploadStarting: (file) => `Добавляю ${escapeHtml(file)}…`,
  uploadDownloadFailed: 'Не удалось скачать файл из Telegram. Пожалуйста, отправьте его ещё раз.',
  uploadAdded: (title, count, seconds) => `Добавлен «${escapeHtml(title)}»: ${passages(count)}, ${s(seconds)} с`,
  removeUsage: `Напишите id документа после команды, например ${code('/remove 000_ce937058a360aa29')}. Список id — /docs.`,
  removeNotFound: (id) => `Документа с id ${code(id)} нет. Список id — /docs.`,
  removeConfirm: (title, id) => `Удалить «${escapeHtml(title)}» (${code(id)}) из корпуса?`,
  removeYes: 'Удалить',
  removeNo: 'Отмена',
  removeCancelled: 'Ничего не удалено.',
  removing: (title) => `Удаляю «${escapeHtml(title)}»…`,
  removed: (title, c) => `Удалён «${escapeHtml(title)}». Теперь ${docs(c.documents)}, ${passages(c.passages)}; ${s(c.seconds)} с.`,
  docsHeader: (documents) => bold(`Документы (${n(documents)}):`),
  docsLine: (d) => `• ${code(d.id)} ${escapeHtml(d.title)} · ${passages(d.passages)}${d.date ? ` · ${escapeHtml(d.date)}` : ''}`,
  stats: (v) =>
    [
      `Документов: ${n(v.documents)}`,
      `Фрагментов: ${n(v.passages)}`,
      `Модель: ${code(v.modelId)}`,
      `Индекс собран: ${escapeHtml(v.builtAt)}`,
      `Время работы: ${uptime(v.uptimeSeconds)}`,
      `Вопросов с запуска: ${n(v.answered)} с ответом, ${n(v.probably)} «вероятно», ${n(v.abstained)} без ответа`,
      ...(v.totals
        ? [`Сегодня (UTC): ${totals(v.totals.today)}`, `За 7 дней: ${totals(v.totals.week)}`, `За всё время: ${totals(v.totals.all)}`]
        : ['Журнал вопросов: выключен или недоступен']),
    ].join('\n'),
  feedbackThanks: 'Спасибо за оценку!',
  feedbackChanged: 'Спасибо, оценка изменена.',
  feedbackUnknown: 'Этого ответа уже нет в журнале, оценить его нельзя.',
  feedbackFailed: 'Не удалось сохранить оценку. Попробуйте позже.',
  daysUsage: (max) => `Напишите после команды число дней от 1 до ${n(max)}, например ${code('/unanswered 30')}. Без числа — 7.`,
  questionLogUnavailable: 'Журнал вопросов выключен или недоступен, отчёт построить не из чего.',
  unansweredHeader: (days) => bold(`За ${days_(days)} без уверенного ответа или с 👎:`),
  unansweredNone: (days) => `За ${days_(days)} нет вопросов без ответа или с 👎.`,
  worstRatedHeader: (days) => bold(`Ответы с худшими оценками за ${days_(days)}:`),
  ...reportLines(n, ['«', '»']),
  worstRatedNone: (days) => `За ${days_(days)} ни один ответ не получил 👎.`,
  inlineNoAnswerTitle: 'В моих документах нет ответа',
  inlineNoAnswerDescription: 'Документы не покрывают этот вопрос. Нажмите, чтобы увидеть вопросы с ответами.',
  inlineProbablyTitle: 'Вероятно (не уверен)',
  inlineOpenChat: 'Открыть чат с ботом',
  inlineSampleDescription: 'Пример вопроса: отправьте его и нажмите «Ответ»',
  inlineAnswerButton: 'Ответ',
};
