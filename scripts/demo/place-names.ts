import type { Random } from './random.ts';

/*
 * Plausible French place names, assembled from common toponymic parts. Any resemblance to a
 * real commune is a coincidence of the parts; the territory itself is fictional.
 */

const SAINTS = [
  'Saint-Amant',
  'Saint-Bonnet',
  'Saint-Didier',
  'Saint-Genès',
  'Saint-Julien',
  'Saint-Martin',
  'Saint-Pierre',
  'Saint-Rémy',
  'Saint-Sauveur',
  'Saint-Hilaire',
  'Saint-Victor',
  'Saint-Germain',
  'Saint-Étienne',
  'Saint-Priest',
  'Saint-Ours',
  'Saint-Floret',
  'Saint-Laurent',
  'Saint-Maurice',
  'Sainte-Agathe',
  'Sainte-Florine',
  'Sainte-Marguerite',
  'Sainte-Colombe',
] as const;

const STEMS = [
  'Aub',
  'Bel',
  'Bour',
  'Cham',
  'Chas',
  'Cour',
  'Fon',
  'Gren',
  'Lav',
  'Mar',
  'Mont',
  'Neu',
  'Roch',
  'Sauv',
  'Val',
  'Vern',
  'Vill',
  'Bois',
  'Cros',
  'Fay',
  'Lus',
  'Maur',
  'Pont',
  'Ronz',
  'Tours',
  'Ar',
  'Bris',
  'Ces',
  'Dor',
  'Esp',
  'Gann',
  'Jal',
  'Lemp',
  'Mir',
  'Nal',
  'Orc',
  'Pers',
  'Quinss',
  'Ray',
  'Sall',
  'Tall',
  'Urs',
  'Vol',
  'Ambr',
  'Blan',
  'Cell',
  'Chav',
  'Fourn',
  'Joz',
  'Mazer',
  'Pard',
] as const;

const ENDINGS = [
  'ac',
  'at',
  'ay',
  'ey',
  'y',
  'ieu',
  'ières',
  'eix',
  'ville',
  'court',
  'agnat',
  'argues',
  'anges',
  'on',
  'ol',
  'et',
  'ines',
  'onne',
  'eyrat',
  'ezat',
  'oux',
  'ade',
  'as',
  'iac',
  'erre',
  'elles',
  'ont',
  'ange',
  'ois',
  'ignat',
  'euil',
] as const;

const ARTICLE_NOUNS = [
  'La Chapelle',
  'Le Mas',
  'Le Vernet',
  'Les Martres',
  'La Roche',
  'Le Breuil',
  'La Bastide',
  'Le Chambon',
  'Les Granges',
  'Le Pont',
  'La Tour',
  'Le Crest',
  'Les Vergnes',
  'Le Puy',
  'La Motte',
  'Les Bordes',
  'Le Monteil',
  'La Celle',
  'Le Cheix',
  'Les Pradeaux',
] as const;

const QUALIFIERS = [
  '-le-Haut',
  '-le-Bas',
  '-les-Bains',
  '-la-Forêt',
  '-le-Château',
  '-les-Vignes',
  '-des-Prés',
] as const;

/** Rivers of the fictional territory; the first one gives it its name. */
export const RIVERS = ['Vaure', 'Dolore', 'Aubrette', 'Sarlonne', 'Ciselle'] as const;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function simpleName(random: Random): string {
  return capitalize(random.pick(STEMS).toLowerCase()) + random.pick(ENDINGS);
}

function riverSuffix(river: string): string {
  return /^[AEIOUÉ]/.test(river) ? `-sur-l'${river}` : `-sur-${river}`;
}

/** One commune name, of the shapes French communes have; `nearRiver` may add « -sur-… ». */
function communeName(random: Random, nearRiver: string | null): string {
  const shape = random.weighted({ simple: 40, saint: 18, article: 14, qualified: 12, de: 8, river: 8 });
  switch (shape) {
    case 'simple':
      return simpleName(random);
    case 'saint':
      return random.chance(0.4) ? `${random.pick(SAINTS)}-de-${simpleName(random)}` : random.pick(SAINTS);
    case 'article':
      return random.chance(0.5)
        ? random.pick(ARTICLE_NOUNS)
        : `${random.pick(ARTICLE_NOUNS)}-${simpleName(random)}`;
    case 'qualified':
      return simpleName(random) + random.pick(QUALIFIERS);
    case 'de':
      return `${simpleName(random)}-${random.chance(0.5) ? 'en' : 'de'}-${simpleName(random)}`;
    case 'river':
      return nearRiver ? simpleName(random) + riverSuffix(nearRiver) : simpleName(random);
  }
}

/**
 * A name not in `taken` (which it then joins), drawn with `draw`. Huge synthetic territories
 * outgrow the combinations: after a few tries a duplicate gets a number, as a last resort.
 */
function uniqueName(taken: Set<string>, draw: () => string): string {
  let name = draw();
  for (let attempt = 0; taken.has(name) && attempt < 30; attempt++) name = draw();
  for (let rank = 2; taken.has(name); rank++) name = `${name.replace(/ \d+$/, '')} ${rank}`;
  taken.add(name);
  return name;
}

/** A commune name of the shapes French communes have, not yet in `taken`. */
export function uniqueCommuneName(random: Random, taken: Set<string>, river: string): string {
  return uniqueName(taken, () => communeName(random, river));
}

/** A town's name, short as chefs-lieux' usually are, not yet in `taken`. */
export function uniqueTownName(random: Random, taken: Set<string>): string {
  return uniqueName(taken, () => simpleName(random) + riverSuffix(random.pick(RIVERS)));
}
