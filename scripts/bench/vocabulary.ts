/**
 * Word lists for the synthetic news corpus. Broad enough that 100k passages do not collapse into a
 * few repeated sentences (which would flatter BM25 and HNSW alike), small enough to read.
 */
export const CITIES = [
  'Almaty', 'Astana', 'Shymkent', 'Karaganda', 'Aktobe', 'Taraz', 'Pavlodar', 'Semey', 'Oskemen', 'Atyrau',
  'Kostanay', 'Kyzylorda', 'Oral', 'Petropavl', 'Aktau', 'Temirtau', 'Turkistan', 'Kokshetau', 'Taldykorgan', 'Ekibastuz',
  'Rudny', 'Zhezkazgan', 'Balkhash', 'Satbayev', 'Kentau', 'Ridder', 'Stepnogorsk', 'Aksu', 'Zhanaozen', 'Baikonur',
  'Kaskelen', 'Talgar', 'Saran', 'Shakhtinsk', 'Lisakovsk', 'Arkalyk', 'Aral', 'Kulsary', 'Shu', 'Esik',
];

export const REGIONS = [
  'Almaty region', 'Akmola region', 'Aktobe region', 'Atyrau region', 'East Kazakhstan', 'Mangystau region',
  'North Kazakhstan', 'Pavlodar region', 'Karaganda region', 'Kostanay region', 'Kyzylorda region', 'Turkistan region',
  'West Kazakhstan', 'Zhambyl region', 'Abai region', 'Ulytau region', 'Zhetysu region',
];

export const DISTRICTS = [
  'the old town', 'the river district', 'the northern suburbs', 'the industrial zone', 'the railway quarter',
  'the eastern microdistricts', 'the market area', 'the university campus', 'the airport road', 'the lakeside settlements',
  'the mining villages', 'the southern outskirts', 'the city centre', 'the new housing estates', 'the port area',
];

export const FIRST_NAMES = [
  'Aigerim', 'Nurlan', 'Dana', 'Yerlan', 'Madina', 'Askar', 'Saule', 'Daniyar', 'Gulnara', 'Marat', 'Aliya', 'Bolat',
  'Zhanna', 'Serik', 'Asel', 'Timur', 'Kamila', 'Ruslan', 'Dinara', 'Arman', 'Laura', 'Yerzhan', 'Aruzhan', 'Kairat',
  'Elena', 'Sergei', 'Olga', 'Dmitry', 'Irina', 'Viktor', 'Anna', 'Pavel', 'Maria', 'Nikolai', 'Svetlana', 'Andrei',
];

export const LAST_NAMES = [
  'Abenova', 'Seitkali', 'Mukanov', 'Zhaksylykov', 'Omarova', 'Kuanyshev', 'Bekova', 'Tulegenov', 'Ismailova',
  'Nurpeisov', 'Akhmetova', 'Sadykov', 'Baimukhanova', 'Yessenov', 'Kaliyeva', 'Dzhumabayev', 'Rakhimova', 'Utegenov',
  'Petrova', 'Ivanov', 'Kozlova', 'Smirnov', 'Volkova', 'Orlov', 'Sokolova', 'Lebedev', 'Morozova', 'Novikov',
];

export const ROLES = [
  'head', 'deputy head', 'spokesperson', 'press secretary', 'chief engineer', 'director', 'chair', 'senior analyst',
  'regional coordinator', 'chief inspector',
];

export const ORGANISATIONS = [
  'Ministry of Emergency Situations', 'Ministry of Energy', 'Ministry of Health', 'Ministry of Finance',
  'Ministry of Agriculture', 'Ministry of Ecology', 'Prosecutor General’s Office', 'National Bank', 'Statistics Bureau',
  'Red Crescent Society', 'Union of Farmers', 'Chamber of Entrepreneurs', 'regional akimat', 'city council',
  'Bureau of National Statistics', 'Association of Builders', 'Water Resources Committee', 'Transport Ministry',
];

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** An event, with the words a paraphrased question uses instead of the article's own. */
export interface EventKind {
  noun: string;
  synonym: string;
  things: string;
  state: string;
  stateSynonym: string;
}

export const EVENTS: EventKind[] = [
  { noun: 'flood', synonym: 'flooding', things: 'farms', state: 'under water', stateSynonym: 'flooded' },
  { noun: 'wildfire', synonym: 'forest fire', things: 'forests', state: 'burned', stateSynonym: 'destroyed by fire' },
  { noun: 'earthquake', synonym: 'tremor', things: 'buildings', state: 'damaged', stateSynonym: 'harmed' },
  { noun: 'blackout', synonym: 'power cut', things: 'households', state: 'without power', stateSynonym: 'cut off' },
  { noun: 'drought', synonym: 'dry spell', things: 'harvests', state: 'lost', stateSynonym: 'ruined' },
  { noun: 'strike', synonym: 'walkout', things: 'mines', state: 'idle', stateSynonym: 'shut' },
  { noun: 'mudslide', synonym: 'landslide', things: 'roads', state: 'blocked', stateSynonym: 'cut' },
  { noun: 'heatwave', synonym: 'heat wave', things: 'schools', state: 'closed', stateSynonym: 'shut' },
  { noun: 'blizzard', synonym: 'snowstorm', things: 'villages', state: 'cut off', stateSynonym: 'isolated' },
  { noun: 'outbreak', synonym: 'epidemic', things: 'clinics', state: 'overwhelmed', stateSynonym: 'overloaded' },
  { noun: 'gas explosion', synonym: 'blast', things: 'apartments', state: 'destroyed', stateSynonym: 'wrecked' },
  { noun: 'dam breach', synonym: 'dam failure', things: 'fields', state: 'flooded', stateSynonym: 'under water' },
];

/** Pieces of the sentences that carry no figure: commentary, background, reactions. */
export const FILLER = {
  subjects: [
    'Local residents', 'Volunteers', 'Shop owners', 'Teachers', 'Farmers', 'Doctors', 'Rescue workers', 'Bus drivers',
    'Pensioners', 'Students', 'Journalists', 'Construction crews', 'Engineers', 'Police officers', 'Lawyers', 'Parents',
  ],
  verbs: [
    'complained about', 'asked officials about', 'criticised', 'welcomed', 'questioned', 'raised concerns over',
    'organised meetings about', 'wrote letters about', 'described', 'documented', 'protested against', 'praised',
  ],
  objects: [
    'the slow response', 'the lack of clean water', 'the state of local roads', 'the cost of repairs', 'the compensation scheme',
    'the evacuation plan', 'the closure of schools', 'the rising price of bread', 'the shortage of medicine',
    'the condition of temporary shelters', 'the new warning system', 'the delays in payments', 'the quality of housing',
  ],
  times: [
    'during the first week', 'over the weekend', 'in the following days', 'at a public hearing', 'on social media',
    'in interviews with reporters', 'at the town hall', 'in an open letter', 'before the winter', 'after the inspection',
  ],
  plans: [
    'rebuild the damaged bridges', 'review the building codes', 'audit the regional budget', 'install new sirens',
    'train more rescue teams', 'inspect every dam in the region', 'publish a full report', 'compensate affected families',
    'move families to safer housing', 'upgrade the power grid', 'open additional shelters', 'hire more inspectors',
  ],
  deadlines: ['by the end of the year', 'within six months', 'before the spring', 'next summer', 'in the coming weeks', 'by autumn'],
};

/** Questions the corpus cannot answer: other subjects and vocabulary the articles never use. */
export const OFF_TOPIC = [
  'What is the best recipe for sourdough bread?', 'Who painted the Mona Lisa?', 'How do I change a bicycle tyre?',
  'Which planet has the most moons?', 'What is the capital of Australia?', 'How long should I boil an egg?',
  'Who wrote the novel Moby Dick?', 'What is the speed of light in a vacuum?', 'How do penguins keep warm?',
  'Which football club won the Champions League in 1999?', 'How many strings does a cello have?',
  'What is the chemical formula of caffeine?', 'Who composed the Moonlight Sonata?', 'How do I learn to play chess?',
  'What is the tallest mountain in Africa?', 'Why is the sky blue?', 'How are rainbows formed?',
  'What language is spoken in Brazil?', 'Who invented the telephone?', 'What do koalas eat?',
];
