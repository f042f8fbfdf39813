/**
 * The vocabulary of French seat addresses, as data: street types (with the RNA waldec codes of
 * `adrs_typevoie`), house-number repetition indices, public venues that a commune has once,
 * and words that name a building. Every alias is written folded (see `foldText` in
 * seat-address.ts): lower case, no accents, punctuation as spaces.
 *
 * Sources. Street types: the codes and labels of the DGFiP's FANTOIR and of the « Adresses :
 * types de voies » reference on data.gouv.fr (BD → boulevard, CHE/CHEM → chemin, QU/QUAI →
 * quai, VOI/VOIE → voie …), and the first-word expansions of the Base Adresse Nationale's
 * adresses-util (`lib/voies/words.js`: PL, AV, BD, SQ, CHE, RTE, ALL, PAS, IMP, QU, HAM, LOT,
 * R, RLE …). No maintained npm package exports such a table for expansion (@etalab/normadresse
 * abbreviates for mail, the other way; @ban-team/adresses-util keeps its 24 entries private,
 * with lodash and talisman in tow), hence this file. The RNA's own codes — CHEM1, GRAN3,
 * GRAN4, HAME1, ESPL1, MOUL1 … and the truncated « G... », « H... », « C... », « P... » — were
 * read off the waldec files of the Territoire de Belfort (90) and the Creuse (23) of
 * 2025-09-01, by setting each seat beside the spelled-out management address of the same rows
 * (`adrg_libvoie`, « 18 GRANDE RUE » for GRAN4 + « 18 »); COUR2 (cours) and MONT1 (montée)
 * are read from one row each and so are the least sure.
 */

/**
 * How a street type locates a seat. `street`: a way with house numbers — without a number it
 * is many buildings. `locality`: a named area (lieu-dit, hamlet, estate, zone) — many homes
 * share its name. `site`: one named site (a stadium, a mill, a château) — a place by itself.
 */
export type StreetKind = 'street' | 'locality' | 'site';

/** One street type: its key word(s), its label, its kind, its written forms and RNA codes. */
export interface StreetType {
  /** Folded canonical form, used in keys: `rue`, `grande rue`, `lieu dit`. */
  readonly id: string;
  /** Label in French, lower case: `rue`, `allée`, `lieu-dit`. */
  readonly label: string;
  readonly kind: StreetKind;
  /** Folded written forms at the start of a street line (abbreviations and full words). */
  readonly aliases: readonly string[];
  /** `adrs_typevoie` codes of the RNA (upper case as in the files). */
  readonly codes: readonly string[];
  /** The type is a name by itself (« Grande Rue », « Zone industrielle »): no further name needed. */
  readonly named?: true;
}

const t = (
  id: string,
  label: string,
  kind: StreetKind,
  aliases: readonly string[],
  codes: readonly string[] = [],
  named?: true,
): StreetType => (named ? { id, label, kind, aliases, codes, named } : { id, label, kind, aliases, codes });

/** Street types, FANTOIR / types-de-voies codes and RNA waldec codes (sources above). */
export const STREET_TYPES: readonly StreetType[] = [
  t('rue', 'rue', 'street', ['r', 'rue', 'rues'], ['R', 'RUE', 'RUES']),
  t(
    'grande rue',
    'Grande Rue',
    'street',
    ['grande rue', 'grand rue', 'gde rue', 'gd rue', 'gr rue'],
    ['GRAN3', 'GRAN4', 'GR', 'G...'],
    true,
  ),
  t('ruelle', 'ruelle', 'street', ['rle', 'ruel', 'ruelle'], ['RLE', 'RUEL', 'RUEL1']),
  t('avenue', 'avenue', 'street', ['av', 'ave', 'avn', 'avenue'], ['AV', 'AVE']),
  t('boulevard', 'boulevard', 'street', ['bd', 'bld', 'blvd', 'bvd', 'boul', 'boulevard'], ['BD', 'BOUL']),
  t('place', 'place', 'street', ['pl', 'pla', 'place'], ['PL']),
  t('placette', 'placette', 'street', ['plt', 'ptte', 'placette'], ['PLT', 'PTTE']),
  t('square', 'square', 'street', ['sq', 'square'], ['SQ']),
  t('parvis', 'parvis', 'street', ['parv', 'prv', 'parvis'], ['PARV']),
  t('esplanade', 'esplanade', 'street', ['esp', 'espl', 'esplanade'], ['ESP', 'ESPL', 'ESPL1']),
  t('chemin', 'chemin', 'street', ['che', 'chem', 'chemin'], ['CHE', 'CHEM', 'CHEM1', 'C...']),
  t('route', 'route', 'street', ['rte', 'route'], ['RTE']),
  t('allee', 'allée', 'street', ['all', 'allee', 'allees'], ['ALL']),
  t('impasse', 'impasse', 'street', ['imp', 'impasse'], ['IMP']),
  t('quai', 'quai', 'street', ['qu', 'quai'], ['QU', 'QUAI']),
  t('cours', 'cours', 'street', ['crs', 'cours'], ['CRS', 'COUR2']),
  t('cour', 'cour', 'street', ['cour'], ['COUR', 'COUR1']),
  t('faubourg', 'faubourg', 'street', ['fg', 'fbg', 'faub', 'faubourg'], ['FG', 'FBG', 'FAUB']),
  t('passage', 'passage', 'street', ['pas', 'pass', 'passage'], ['PAS', 'PASS']),
  t('promenade', 'promenade', 'street', ['pro', 'prom', 'promenade'], ['PRO', 'PROM']),
  t('voie', 'voie', 'street', ['voi', 'voie'], ['VOI', 'VOIE', 'VOIE1']),
  t('via', 'via', 'street', ['via'], ['VIA']),
  t('sentier', 'sentier', 'street', ['sent', 'str', 'sentier'], ['SENT', 'STR']),
  t('sente', 'sente', 'street', ['sen', 'snt', 'sente'], ['SEN', 'SNT']),
  t('carrefour', 'carrefour', 'street', ['car', 'carr', 'carrefour'], ['CAR', 'CARR']),
  t('rond point', 'rond-point', 'street', ['rpt', 'rd pt', 'rond point'], ['RPT']),
  t('mail', 'mail', 'street', ['mail'], ['MAIL']),
  t('terrasse', 'terrasse', 'street', ['tsse', 'terr', 'terrasse'], ['TSSE', 'TERR']),
  t('traverse', 'traverse', 'street', ['trav', 'traverse'], ['TRAV']),
  t('venelle', 'venelle', 'street', ['vnl', 'venelle'], ['VNL']),
  t('chaussee', 'chaussée', 'street', ['chs', 'chaussee'], ['CHS']),
  t('montee', 'montée', 'street', ['mte', 'montee'], ['MTE', 'MONT1']),
  t('villa', 'villa', 'street', ['vla', 'villa'], ['VLA']),
  t('clos', 'clos', 'street', ['clos'], ['CLOS']),
  t('lieu dit', 'lieu-dit', 'locality', ['ld', 'l d', 'lieu dit', 'lieudit'], ['LD']),
  t('hameau', 'hameau', 'locality', ['ham', 'hame', 'hameau'], ['HAM', 'HAME1', 'H...']),
  t('village', 'village', 'locality', ['vlge', 'village'], ['VLGE'], true),
  t('bourg', 'bourg', 'locality', ['bourg'], ['BOUR', 'BOURG'], true),
  t('ecart', 'écart', 'locality', ['ecart'], ['ECAR']),
  t('lotissement', 'lotissement', 'locality', ['lot', 'loti', 'lotissement'], ['LOT', 'LOTI']),
  t('residence', 'résidence', 'locality', ['res', 'rsd', 'residence'], ['RES', 'RSD']),
  t('domaine', 'domaine', 'locality', ['dom', 'doma', 'domaine'], ['DOM', 'DOMA1']),
  t('cite', 'cité', 'locality', ['cit', 'cite'], ['CIT', 'CITE', 'CITE1']),
  t('quartier', 'quartier', 'site', ['qua', 'quar', 'quart', 'quartier'], ['QUA', 'QUAR']),
  t('pont', 'pont', 'locality', ['pont'], ['PONT', 'PONT1']),
  t('zone', 'zone', 'locality', ['zone'], ['ZONE', 'ZONE3']),
  t(
    'za',
    'ZA',
    'locality',
    ['za', 'z a', 'zone artisanale', 'zone d activite', 'zone d activites'],
    ['ZA'],
    true,
  ),
  t('zae', 'ZAE', 'locality', ['zae', 'z a e', 'zone d activites economiques'], ['ZAE'], true),
  t('zi', 'ZI', 'locality', ['zi', 'z i', 'zone industrielle'], ['ZI'], true),
  t('zac', 'ZAC', 'locality', ['zac', 'z a c', 'zone d amenagement concerte'], ['ZAC'], true),
  t('centre', 'centre', 'site', ['ctre', 'centre'], ['CTRE']),
  t('stade', 'stade', 'site', ['stad', 'stade'], ['STAD']),
  t('chateau', 'château', 'site', ['cht', 'chat', 'chateau'], ['CHT', 'CHAT']),
  t('moulin', 'moulin', 'site', ['moul', 'moulin'], ['MOUL', 'MOUL1']),
  t('ferme', 'ferme', 'site', ['ferm', 'ferme'], ['FERM', 'FERM1']),
  t('parc', 'parc', 'site', ['parc'], ['PARC', 'PARC1', 'P...']),
  t('etang', 'étang', 'site', ['etan', 'etang'], ['ETAN']),
];

/**
 * House-number repetition indices, folded, to their one-letter form: bis, ter, quater,
 * quinquies (RNA codes B, T, Q, C); other single letters (12 A, 12 D) stay as they are.
 */
export const REPETITIONS: Readonly<Record<string, string>> = {
  b: 'b',
  bis: 'b',
  t: 't',
  ter: 't',
  q: 'q',
  qua: 'q',
  quater: 'q',
  c: 'c',
  quinquies: 'c',
};

/** Labels of the one-letter repetition forms (other letters are shown in capitals). */
export const REPETITION_LABELS: Readonly<Record<string, string>> = { b: 'bis', t: 'ter', q: 'quater' };

/**
 * Public venues a commune has once, so that their name alone is the place: the town hall, the
 * house of associations, the maison du peuple, the salle des fêtes… `forms` are folded and
 * matched at the start of a line; the first form of each is the key.
 */
export interface PublicVenue {
  readonly id: string;
  readonly label: { readonly fr: string; readonly en: string };
  readonly forms: readonly string[];
}

export const PUBLIC_VENUES: readonly PublicVenue[] = [
  {
    id: 'mairie',
    label: { fr: 'Mairie', en: 'Town hall' },
    forms: ['mairie', 'hotel de ville', 'maison commune'],
  },
  {
    id: 'maison des associations',
    label: { fr: 'Maison des associations', en: 'House of associations' },
    forms: [
      'maison des associations',
      'maison des association',
      'maison des assos',
      'cite des associations',
      'maison de la vie associative',
      'maison des societes',
      'maison associative',
      'espace associatif',
      'pole associatif',
    ],
  },
  {
    id: 'maison du peuple',
    label: { fr: 'Maison du peuple', en: 'Maison du peuple' },
    forms: ['maison du peuple'],
  },
  {
    id: 'salle des fetes',
    label: { fr: 'Salle des fêtes', en: 'Village hall' },
    forms: ['salle des fetes', 'salle des fete'],
  },
  {
    id: 'salle polyvalente',
    label: { fr: 'Salle polyvalente', en: 'Multi-purpose hall' },
    forms: ['salle polyvalente'],
  },
  {
    id: 'foyer rural',
    label: { fr: 'Foyer rural', en: 'Rural community hall' },
    forms: ['foyer rural', 'foyer communal'],
  },
  {
    id: 'maison des jeunes et de la culture',
    label: { fr: 'Maison des jeunes et de la culture', en: 'Youth and culture centre' },
    forms: ['maison des jeunes et de la culture', 'mjc'],
  },
  {
    id: 'maison pour tous',
    label: { fr: 'Maison pour tous', en: 'Community centre' },
    forms: ['maison pour tous'],
  },
];

/**
 * First words (folded) of a line that names a building, not a person or a floor: a named
 * building seats associations as one place even without a house number (« Centre Jean
 * Moulin », « Collège Vauban »). Housing (résidence, immeuble) is left out: many homes.
 */
export const BUILDING_WORDS: ReadonlySet<string> = new Set([
  'centre',
  'foyer',
  'maison',
  'salle',
  'espace',
  'pole',
  'complexe',
  'gymnase',
  'stade',
  'piscine',
  'ecole',
  'college',
  'lycee',
  'universite',
  'institut',
  'institution',
  'hopital',
  'clinique',
  'ehpad',
  'prefecture',
  'sous prefecture',
  'chambre',
  'office',
  'caserne',
  'camp',
  'eglise',
  'presbytere',
  'abbaye',
  'chateau',
  'moulin',
  'musee',
  'bibliotheque',
  'mediatheque',
  'theatre',
  'cinema',
  'gare',
  'hotel',
  'commanderie',
  'aerodrome',
  'quartier',
  'regiment',
  'base',
  'site',
  'golf',
  'boulodrome',
  'dojo',
  'iut',
  'groupe scolaire',
  'archives',
]);

/** Words a street name is folded with anywhere in it: abbreviations of titles and saints. */
export const NAME_ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  gal: 'general',
  gen: 'general',
  gl: 'general',
  mal: 'marechal',
  mar: 'marechal',
  dr: 'docteur',
  doct: 'docteur',
  pr: 'professeur',
  prof: 'professeur',
  pdt: 'president',
  pres: 'president',
  cdt: 'commandant',
  cmdt: 'commandant',
  cne: 'capitaine',
  cap: 'capitaine',
  capt: 'capitaine',
  lt: 'lieutenant',
  col: 'colonel',
  mgr: 'monseigneur',
  '1er': 'premier',
  '1ere': 'premiere',
};

/** Articles and prepositions dropped from keys (« rue de la Gare » = « rue Gare »), as the BAN does. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'le',
  'la',
  'les',
  'l',
  'd',
  'de',
  'du',
  'des',
  'a',
  'au',
  'aux',
  'et',
  'en',
  'sur',
  'sous',
]);

/** Numbers 1–31 in words, so « rue des 5 Frères » and « rue des Cinq Frères » meet. */
export const SMALL_NUMBERS: readonly string[] = [
  '',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix sept',
  'dix huit',
  'dix neuf',
  'vingt',
  'vingt et un',
  'vingt deux',
  'vingt trois',
  'vingt quatre',
  'vingt cinq',
  'vingt six',
  'vingt sept',
  'vingt huit',
  'vingt neuf',
  'trente',
  'trente et un',
];
