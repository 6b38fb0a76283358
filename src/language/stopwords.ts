/**
 * Function words and chat fillers per language: words that say nothing about what a question is
 * about. Question words are here too; the question's shape is read from them separately.
 */
const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const ENGLISH_STOPWORDS = words(
  'a an the of in on at to for by with from into onto about as and or but if than then so not no nor ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may might must ' +
    'what which who whom whose how many much when where why that this these those there here ' +
    'it its i me my we our you your he him his she her they them their ' +
    'any all some also just only very more most such same other each every both either neither ' +
    'tell please say said according know known give get got make made set go goes went gone going ' +
    'actually really roughly approximately eventually already still yet ever even anyone anybody someone somebody anything something whats up out back ' +
    'while until because although though whether',
);

export const RUSSIAN_STOPWORDS = words(
  'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было вот от ' +
    'меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там ' +
    'потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под ' +
    'будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее были куда зачем всех ' +
    'никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту ' +
    'моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между сколько ' +
    'каком какие каких какое какую каким какой почему кого кому кем чём чем где откуда является являются это эта',
);

export const KAZAKH_STOPWORDS = words(
  'және мен да де та те бен пен бұл осы сол ол олар оның оны не неше қанша қашан қандай қалай кім кімнің кімге ' +
    'қай қайда қайдан неге нені ненің неден ма ме ба бе па пе үшін туралы деп деген дегеніміз дегеніміз болып болды ' +
    'еді екен ғана ғой әр бір сияқты арқылы бойынша кейін дейін бірақ немесе яғни ' +
    'ал әрі емес тек өте ең енді сонымен сондай сондықтан себебі өйткені егер онда мұнда сонда осында ' +
    'мұның соның осының оған одан онымен оларды оларға олардың өз өзі өзінің өзіне өздері біз біздің сіз ' +
    'барлық басқа кейбір бірнеше ешқандай әрбір бүкіл қарай бері соң қатар сайын ретінде ' +
    'болады болған болатын болса болу болуы табылады қайсы қайсысы нешінші кімдер нелер немен неліктен атаңыз',
);
