import type { Random } from './random.ts';
import type { ThemeCode } from './themes.ts';

/** « de Pardeix », « du Crest », « des Granges », « d’Areyrat »: French elision before a name. */
export function ofPlace(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈ]/.test(name)) return `d’${name}`;
  return `de ${name}`;
}

// prettier-ignore
const ACTIVITIES: Readonly<Record<ThemeCode, readonly string[]>> = {
  '011000': ['Football Club', 'Tennis Club', 'Judo Club', 'Basket Club', 'Handball Club', 'Rugby Club', 'Cyclo-club',
    'Club de randonnée', 'Gymnastique volontaire', 'Club de natation', 'Pétanque club', 'Club de tennis de table',
    'Club de badminton', 'Club d’escalade', 'Club de yoga', 'Karaté club', 'Club de volley-ball', 'Athlétic club',
    'Club équestre', 'Club de canoë-kayak', 'Club de course à pied', 'Twirling club', 'Club de tir à l’arc', 'Union sportive'],
  '006000': ['Harmonie', 'Chorale', 'Troupe de théâtre', 'Atelier de peinture', 'École de musique', 'Compagnie de danse',
    'Ciné-club', 'Ensemble vocal', 'Atelier d’écriture', 'Club de lecture', 'Big band', 'Atelier de poterie', 'Festival des arts'],
  '007000': ['Comité des fêtes', 'Club de l’amitié', 'Foyer rural', 'Club photo', 'Club informatique', 'Club de scrabble',
    'Jardins familiaux', 'Club de belote', 'Club de modélisme', 'Club des aînés'],
  '014000': ['Amicale laïque', 'Amicale des anciens élèves', 'Association des donneurs de sang', 'Amicale des retraités',
    'Anciens combattants', 'Amicale des sapeurs-pompiers'],
  '009000': ['Maison des jeunes et de la culture', 'Centre socioculturel', 'Espace jeunes', 'Ludothèque'],
  '010000': ['Les Amis du patrimoine', 'Sauvegarde du vieux moulin', 'Société d’histoire', 'Les Amis de l’église'],
  '013000': ['Société de chasse', 'AAPPMA', 'Amicale des pêcheurs'],
  '015000': ['Parents d’élèves', 'Sou des écoles', 'Soutien scolaire', 'Université populaire', 'Atelier numérique'],
  '019000': ['Épicerie solidaire', 'Accueil de jour', 'Insertion et partage', 'Point d’accueil solidaire'],
  '020000': ['Secours solidaire', 'Vestiaire solidaire', 'Solidarité internationale', 'Aide alimentaire'],
  '017000': ['Prévention santé', 'Association des aidants', 'Accompagnement en fin de vie', 'Sport santé'],
  '021000': ['Familles rurales', 'Aide à domicile', 'Crèche parentale', 'Accueil des aînés'],
  '024000': ['Jardin partagé', 'Repair café', 'Les Amis de la nature', 'Protection de la vallée', 'Compostage collectif'],
  '030000': ['Comité de jumelage', 'Vie locale', 'Initiatives rurales', 'Accompagnement vers l’emploi'],
  '003000': ['Défense des usagers', 'Citoyens en action', 'Ligue des droits, section'],
  '023000': ['Union des commerçants', 'Association des artisans', 'Producteurs locaux'],
  '034000': ['Office de tourisme', 'Gîtes et chemins', 'Sentiers de découverte'],
  '040000': ['Association cultuelle', 'Association paroissiale'],
  '005000': ['Radio associative', 'Journal local', 'Web-télé locale'],
  '050000': ['Association des habitants', 'Collectif citoyen'],
};

// prettier-ignore
const QUARTERS = ['Centre', 'Nord', 'Sud', 'des Tilleuls', 'de la Gare', 'du Faubourg', 'des Coteaux', 'Bellevue',
  'du Port', 'des Minimes', 'du Champ-de-Foire', 'des Chaumes'] as const;

/** A name for an association of theme `theme` in commune `commune`, unique within `taken`. */
export function associationName(
  random: Random,
  theme: ThemeCode,
  commune: string,
  taken: Set<string>,
): string {
  const activities = ACTIVITIES[theme];
  const of = ofPlace(commune);
  for (let attempt = 0; attempt < 12; attempt++) {
    const activity = random.pick(activities);
    const place = attempt < 4 ? of : `${of} ${random.pick(QUARTERS)}`;
    const name = `${activity} ${place}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  let rank = 2;
  const base = `${random.pick(activities)} ${of}`;
  while (taken.has(`${base} (${rank})`)) rank++;
  const name = `${base} (${rank})`;
  taken.add(name);
  return name;
}
