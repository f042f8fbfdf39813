/**
 * The shared-seat rules in words, for the method page (issue 10 §3): how an RNA seat becomes a
 * place, when it is too vague to count, what a shared seat shows and what it does not, and
 * the privacy rule. The code that applies them is src/import/seat-address.ts and seat-tally.ts.
 */

/** One rule: an identifier and its sentence in French and English. */
export interface SharedSeatRule {
  readonly id: string;
  readonly fr: string;
  readonly en: string;
}

export const SHARED_SEAT_RULES: readonly SharedSeatRule[] = [
  {
    id: 'source',
    fr: 'Le lieu d’une association est l’adresse de son siège déclarée au Répertoire national des associations (champs adrs_* du fichier waldec, ou lignes adr1 à adr3 de l’ancien format), dans sa commune d’aujourd’hui.',
    en: 'An association’s place is the address of its seat declared in the national register of associations (the waldec file’s adrs_* fields, or the older layout’s lines adr1 to adr3), in today’s commune.',
  },
  {
    id: 'fold',
    fr: 'Les adresses sont comparées sans accents, majuscules ni ponctuation, espaces réduits ; les articles et prépositions (de, la, du…) sont ignorés, comme les abréviations de titres (St, Gal, Dr) et les nombres écrits en chiffres ou en lettres (« 5 Frères » = « Cinq Frères »).',
    en: 'Addresses are compared without accents, capitals or punctuation, with spaces collapsed; articles and prepositions (de, la, du…) are ignored, and so are abbreviated titles (St, Gal, Dr) and numbers in digits or words (« 5 Frères » = « Cinq Frères »).',
  },
  {
    id: 'street-type',
    fr: 'Les types de voie sont ramenés à un seul mot, qu’ils viennent du code du registre ou du début du libellé : AV, AVE et Avenue font « avenue », BD « boulevard », PL « place », CHE, CHEM et CHEM1 « chemin », R « rue », LD et « lieu dit » « lieu-dit », GRAN4 et « Grand’Rue » « Grande Rue » (liste des types de voie du FANTOIR et de la Base adresse nationale, codes du registre relevés dans ses fichiers).',
    en: 'Street types are brought to one word, whether they come from the register’s code or the start of the street name: AV, AVE and Avenue give « avenue », BD « boulevard », PL « place », CHE, CHEM and CHEM1 « chemin », R « rue », LD and « lieu dit » « lieu-dit », GRAN4 and « Grand’Rue » « Grande Rue » (street types of FANTOIR and the national address base, the register’s codes read off its files).',
  },
  {
    id: 'number',
    fr: 'Le numéro ne garde que ses chiffres, sans zéro initial (0 ou vide : pas de numéro) ; pour une plage (27-29, 1 et 3), le premier. L’indice de répétition est ramené à une lettre : bis, B → b ; ter, T → t ; quater, Q → q ; une lettre collée au numéro (12B) compte de même.',
    en: 'The house number keeps its digits only, without leading zeros (0 or empty: no number); for a range (27-29, 1 et 3), the first one. The repetition index is brought to one letter: bis, B → b; ter, T → t; quater, Q → q; a letter glued to the number (12B) counts the same.',
  },
  {
    id: 'key',
    fr: 'Un lieu est la commune (code INSEE) avec, dans l’ordre : un lieu public que la commune n’a qu’une fois (mairie ou hôtel de ville, maison ou cité des associations, maison du peuple, salle des fêtes, salle polyvalente, foyer rural, MJC, maison pour tous ; « Place de la Mairie » sans numéro compte comme la mairie) ; sinon numéro, indice, type et nom de voie ; sinon un site unique sans numéro (stade, moulin, château, quartier militaire) ; sinon un bâtiment nommé (« Centre Jean Moulin », « Collège Vauban ») et sa voie.',
    en: 'A place is the commune (INSEE code) with, in this order: a public venue the commune has once (town hall, house or cité of associations, maison du peuple, salle des fêtes, multi-purpose hall, rural hall, youth and culture centre, maison pour tous; « Place de la Mairie » with no number counts as the town hall); else number, index, street type and name; else a single site with no number (stadium, mill, château, barracks); else a named building (« Centre Jean Moulin », « Collège Vauban ») and its street.',
  },
  {
    id: 'two-ways',
    fr: 'Quand une même déclaration donne un lieu public et son adresse numérotée (« Maison des associations, 11 rue de Braconne »), ou une adresse et son bâtiment nommé, les deux écritures désignent un seul lieu : les associations qui n’en donnent qu’une s’y retrouvent.',
    en: 'When one declaration gives a public venue and its numbered address (« Maison des associations, 11 rue de Braconne »), or an address and its named building, both writings are one place: associations that give only one of them meet there.',
  },
  {
    id: 'vague',
    fr: 'Trop vague pour compter : pas de nom de voie ni de lieu public ; un signe ou une mention d’absence (« _ », « NC », « inconnu ») ; une boîte postale seule (BP, CS, TSA, CIDEX) ; le seul nom de la commune ou « le Bourg » sans numéro ; un lieu-dit, un hameau ou un nom de lieu sans numéro ; une voie sans numéro ni bâtiment nommé. Ces sièges sont comptés à part, par motif.',
    en: 'Too vague to count: no street name and no public venue; a placeholder (« _ », « NC », « inconnu »); a postal box alone (BP, CS, TSA, CIDEX); only the commune’s name or « le Bourg » with no number; a lieu-dit, hamlet or place name with no number; a street with no number and no named building. These seats are counted apart, by reason.',
  },
  {
    id: 'evidence',
    fr: 'Un siège partagé est un indice de co-localisation — des associations domiciliées au même endroit, souvent des locaux communs — et non la preuve d’une coopération : une mairie domicilie des associations qui ne se parlent pas, et des associations qui coopèrent ont souvent des sièges distincts. Une même adresse écrite de deux façons trop différentes compte pour deux lieux : les chiffres sont un minimum.',
    en: 'A shared seat is evidence of co-location — associations registered at the same place, often with shared premises — not proof of cooperation: a town hall hosts associations that never talk to each other, and associations that cooperate often have separate seats. One address written in two ways too far apart counts as two places: the figures are a lower bound.',
  },
  {
    id: 'privacy',
    fr: 'Jamais d’adresse : un lieu est désigné par une clé opaque (les 16 premiers caractères hexadécimaux du SHA-256 du texte normalisé), et son nom (« Mairie », « 12 bis rue de la Gare ») n’est gardé et montré que pour un lieu partagé par au moins 3 associations ; un lieu partagé par moins de 3 associations n’est jamais nommé.',
    en: 'Never an address: a place is named by an opaque key (the first 16 hex characters of the SHA-256 of its normalised text), and its label (« Mairie », « 12 bis rue de la Gare ») is kept and shown only for a place shared by at least 3 associations; a place shared by fewer than 3 associations is never named.',
  },
];
