/**
 * Generated news prose: plausible sentence shapes over a fixed vocabulary, so digests have the
 * length, word mix and punctuation of real ones without copying any real text. The output never
 * contains Markdown or directive syntax (no `*`, `_`, `[`, `<`, `#`, `:` before a letter), so
 * whatever the generator writes around it is the only structure the parser sees.
 */
import type { SeededRandom } from './seeded-random.ts';

const actors = [
  'the ministry',
  'a spokesperson',
  'the regional administration',
  'local officials',
  'the delegation',
  'an unnamed official',
  'the press office',
  'the monitoring group',
  'aid workers',
  'the governor',
  'residents',
  'the commission',
  'observers',
  'the agency',
  'negotiators',
  'the military command',
  'a senior adviser',
  'the prosecutor',
] as const;

const reportingVerbs = [
  'said',
  'reported',
  'stated',
  'claimed',
  'announced',
  'confirmed',
  'told reporters',
  'wrote',
  'suggested',
  'insisted',
] as const;

const actions = [
  'completed the transfer of',
  'delayed the delivery of',
  'restored access to',
  'counted',
  'documented',
  'rejected the proposal for',
  'agreed to inspect',
  'expanded the programme for',
  'suspended payments to',
  'reopened the route to',
  'received',
  'lost contact with',
  'evacuated',
  'registered',
  'released',
  'repaired',
] as const;

const quantities = [
  'dozens of',
  'several hundred',
  'more than a thousand',
  'about forty',
  'at least twelve',
  'nearly three hundred',
  'two groups of',
  'an unknown number of',
  'fewer than fifty',
  'some',
] as const;

const objects = [
  'civilians',
  'service members',
  'grain shipments',
  'power lines',
  'medical convoys',
  'border crossings',
  'water treatment plants',
  'detained journalists',
  'rail freight cars',
  'schools',
  'hospital beds',
  'displaced families',
  'humanitarian corridors',
  'prisoners of war',
  'ballot papers',
  'relief packages',
  'bridges',
  'substations',
] as const;

const timeframes = [
  'on Monday',
  'earlier this week',
  'over the weekend',
  'last month',
  'within days',
  'by the end of the month',
  'since the spring',
  'overnight',
  'in the first week of talks',
  'after the ceasefire collapsed',
  'before the winter',
  'during the night',
] as const;

const places = [
  'near the front line',
  'in the north of the region',
  'along the river',
  'at the main crossing',
  'in the capital',
  'in three districts',
  'outside the city',
  'in the occupied territories',
  'across the border',
  'at the port',
] as const;

const assessmentOpenings = [
  'The figure matches',
  'Nothing in our archive confirms',
  'Independent reporting contradicts',
  'The statement leaves out',
  'Two later accounts support',
  'The source itself qualifies',
  'No document we hold contains',
  'Satellite imagery published later shows',
  'The earlier announcement gave a different account of',
  'Official records list',
] as const;

const assessmentSubjects = [
  'the count given here',
  'the date of the transfer',
  'the number of people involved',
  'the claim that the route was open',
  'the timing of the announcement',
  'who carried out the operation',
  'the scale of the damage',
  'the terms of the agreement',
  'the role of the mediators',
  'the sequence of events',
] as const;

const assessmentClosings = [
  'so the claim stands as stated',
  'which changes how the claim reads',
  'and no second source has appeared since',
  'though a minor detail is off',
  'which the article does not mention',
  'so it cannot be checked until the report is published',
  'and the discrepancy has not been explained',
  'while the rest of the account holds',
] as const;

const connectives = [
  'Meanwhile,',
  'By contrast,',
  'Separately,',
  'According to the same report,',
  'In a later statement,',
  'At the same time,',
  'Earlier,',
  'Later that day,',
] as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One reported-speech sentence, the bread and butter of news copy. */
export function reportSentence(random: SeededRandom): string {
  const actor = random.pick(actors);
  const parts = [
    random.pick(reportingVerbs),
    'that',
    random.pick(actors),
    random.pick(actions),
    random.pick(quantities),
    random.pick(objects),
    random.pick(places),
    random.pick(timeframes),
  ];
  const opening = random.chance(0.3) ? `${random.pick(connectives)} ${actor}` : capitalise(actor);
  return `${opening} ${parts.join(' ')}.`;
}

/** A sentence that could be quoted as a claim: first-person or assertive, no quotation marks. */
export function claimSentence(random: SeededRandom): string {
  const subject = random.pick([
    'We have',
    'Our forces have',
    'The authorities have',
    'They have',
    'Our teams have',
  ]);
  const action = random.pick(actions);
  const tail = random.chance(0.5) ? ` ${random.pick(places)}` : '';
  return `${subject} ${action} ${random.pick(quantities)} ${random.pick(objects)}${tail} ${random.pick(timeframes)}.`;
}

/** One sentence of an editor's assessment. */
export function assessmentSentence(random: SeededRandom): string {
  return `${random.pick(assessmentOpenings)} ${random.pick(assessmentSubjects)}, ${random.pick(assessmentClosings)}.`;
}

/** A sentence mentioning something by name, so alias matching has work to do. */
export function mentionSentence(random: SeededRandom, name: string): string {
  const templates = [
    `${name} ${random.pick(reportingVerbs)} that ${random.pick(actors)} ${random.pick(actions)} ${random.pick(objects)} ${random.pick(timeframes)}.`,
    `${capitalise(random.pick(actors))} ${random.pick(reportingVerbs)} that ${name} ${random.pick(actions)} ${random.pick(quantities)} ${random.pick(objects)}.`,
    `The account from ${name} could not be verified ${random.pick(timeframes)}.`,
  ];
  return random.pick(templates);
}

/** A short headline-style phrase, for titles. */
export function headlinePhrase(random: SeededRandom): string {
  return `${capitalise(random.pick(objects))} ${random.pick(places)} ${random.pick(timeframes)}`;
}

/** Plain words usable in ids and tags. */
export const idWords: readonly string[] = [
  'exchange',
  'convoy',
  'ceasefire',
  'corridor',
  'grain',
  'talks',
  'strike',
  'evacuation',
  'shelling',
  'sanctions',
  'election',
  'blackout',
  'crossing',
  'detention',
  'repair',
  'aid',
  'border',
  'port',
  'bridge',
  'referendum',
  'census',
  'pipeline',
  'harvest',
  'mobilisation',
  'tribunal',
];

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}
