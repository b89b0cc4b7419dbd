/**
 * A generated entity registry: people, organisations, places and events with invented names,
 * each built on its own pseudo-word so no two entities share a name or alias (the parser warns
 * about ambiguous aliases, and a valid corpus has no warnings).
 */
import type { EntityKind } from '@fact-digest/parser';
import type { SeededRandom } from './seeded-random.ts';

export interface GeneratedEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  description: string;
  wikidata?: string;
}

const onsets = [
  'b',
  'd',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'dr',
  'kr',
  'st',
  'tr',
  'sh',
  'ch',
];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ay', 'ei', 'ou'];
const codas = ['', '', 'n', 'r', 'l', 'sk', 'v', 'nd'];

const organisationKinds = [
  'Ministry',
  'Monitoring Mission',
  'Relief Agency',
  'Border Service',
  'Press Office',
  'Coordination Centre',
  'Energy Company',
  'Broadcasting Service',
];
const eventKinds = ['Talks', 'Agreement', 'Offensive', 'Summit', 'Accord'];
const personTitles = ['Minister', 'Governor', 'General', 'Commissioner', 'Ambassador', 'Mayor'];

/** Share of each kind in the registry; claimants are drawn from people and organisations. */
const kindWeights: ReadonlyArray<readonly [EntityKind, number]> = [
  ['person', 0.45],
  ['organization', 0.3],
  ['place', 0.17],
  ['event', 0.08],
];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function pickKind(random: SeededRandom): EntityKind {
  let draw = random.next();
  for (const [kind, weight] of kindWeights) {
    draw -= weight;
    if (draw < 0) return kind;
  }
  return 'person';
}

/** Generates `count` entities; the first four are one of each kind so small corpora have all kinds. */
export function generateEntityRegistry(random: SeededRandom, count: number): GeneratedEntity[] {
  const usedWords = new Set<string>();
  const pseudoWord = (): string => {
    for (;;) {
      const syllables = random.int(2, 3);
      let word = '';
      for (let index = 0; index < syllables; index++)
        word += random.pick(onsets) + random.pick(vowels);
      word = capitalise(word + random.pick(codas));
      if (!usedWords.has(word)) {
        usedWords.add(word);
        return word;
      }
    }
  };

  const entities: GeneratedEntity[] = [];
  const fixedKinds: EntityKind[] = ['person', 'organization', 'place', 'event'];
  for (let index = 0; index < count; index++) {
    const kind = fixedKinds[index] ?? pickKind(random);
    const root = pseudoWord();
    const wikidata = random.chance(0.5) ? { wikidata: `Q${random.int(1, 9_999_999)}` } : {};
    if (kind === 'person') {
      const given = pseudoWord();
      const title = random.pick(personTitles);
      entities.push({
        id: slug(`${given} ${root}`),
        name: `${given} ${root}`,
        kind,
        aliases: [root, `${title} ${root}`],
        description: `${title} quoted in the generated benchmark corpus.`,
        ...wikidata,
      });
    } else if (kind === 'organization') {
      const name = `${root} ${random.pick(organisationKinds)}`;
      entities.push({
        id: slug(name),
        name,
        kind,
        aliases: [`the ${name}`],
        description: 'Organisation in the generated benchmark corpus.',
        ...wikidata,
      });
    } else if (kind === 'place') {
      entities.push({
        id: slug(root),
        name: root,
        kind,
        aliases: [`${root} Oblast`],
        description: 'Place in the generated benchmark corpus.',
        ...wikidata,
      });
    } else {
      const name = `${root} ${random.pick(eventKinds)}`;
      entities.push({
        id: slug(name),
        name,
        kind,
        aliases: [],
        description: 'Event in the generated benchmark corpus.',
        ...wikidata,
      });
    }
  }
  return entities;
}
