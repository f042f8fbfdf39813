/*
 * The « Mode d'emploi » sheet: who fills what, one row per exchange, what each quantity does in
 * the impact method, consent to publication, how to send the file back — then every column with
 * its meaning and three worked examples. Examples run down the columns (one field per row), so
 * this sheet never looks like an exchange table to the importer.
 */
import { RESOURCE_TYPES } from '../data/schema/index.ts';
import { row, type ColumnModel, type RowModel, type SheetModel } from './sheet-model.ts';
import { SHEETS } from './template-layout.ts';
import { TEMPLATE_FIELDS } from './vocabulary-lists.ts';

/** What the impact method does with each field (methodology §2–4), in French. */
const METHOD: Readonly<Record<string, string>> = {
  id_echange:
    'Identifie la ligne. Deux lignes de même identifiant sont une double déclaration : la seconde est écartée.',
  date_debut:
    'Place l’échange dans le temps : il compte dans chaque période que ses dates recouvrent (période filtrée, séries par trimestre).',
  date_fin:
    'Avec la date de début, répartit les quantités au prorata des jours dans chaque période, et donne la durée d’un prêt quand la durée en heures manque.',
  fournisseur_rna: 'L’association qui prête ou donne : un bout du lien sur la carte.',
  fournisseur_siret: 'Identifie le fournisseur quand son n° RNA est inconnu.',
  beneficiaire_rna: 'L’association qui reçoit : l’autre bout du lien.',
  beneficiaire_siret: 'Identifie le bénéficiaire quand son n° RNA est inconnu.',
  fournisseur_commune: 'Vide : la commune de l’association est reprise.',
  beneficiaire_commune: 'Vide : la commune de l’association est reprise.',
  type_ressource: `Choisit la formule de valeur : prix du marché pour locaux, matériel et véhicules, coût d’un ETP pour le personnel. Valeurs : ${RESOURCE_TYPES.join(', ')}.`,
  categorie_bien:
    'Matériel : prix neuf, durée de vie et carbone de fabrication de la catégorie. Hors liste, le bien n’est pas chiffré.',
  modalite: 'Un don compte toute la vie du bien ; un prêt, la part de sa durée de vie qu’il occupe.',
  libelle: 'Pour relire la ligne, jamais dans les calculs. Aucun nom de personne.',
  quantite:
    'Combien, dans l’unité choisie : objets prêtés, heures ou jours de salle, km de véhicule, ETP-mois de personnel.',
  unite: 'Donne son sens à la quantité.',
  surface_m2: 'Locaux : surface × heures d’usage donne les émissions d’exploitation évitées.',
  duree_heures: 'Durée d’usage ; à défaut, les dates ; sinon un jour.',
  masse_kg: 'Matériel : matière non achetée neuve ; à défaut, la masse type de la catégorie.',
  distance_km:
    'Trajets aller-retour : leur coût et leurs émissions sont déduits ; vide, la distance entre communes est estimée.',
  mode_transport: 'Facteur d’émission des trajets ; voiture quand il est vide.',
  heures_benevoles: 'Temps bénévole partagé, valorisé au coût horaire du bénévolat.',
  etp_partages:
    'Personnel mis à disposition : ETP × mois entre les dates, au coût complet d’un ETP. Si la quantité est aussi en ETP-mois, c’est elle qui compte ; un écart de plus de 10 % est signalé à l’import.',
  beneficiaires: 'Personnes touchées, déclaratif et non dédoublonné : indicateur social.',
  valeur_marche_eur: 'Remplace le prix estimé par la méthode quand il est connu.',
  contrepartie_eur:
    'Retranchée du coût évité du bénéficiaire ; pour du personnel, c’est la part refacturée (le personnel reste chiffré à son coût).',
  aurait_achete:
    'Additionnalité : oui compte la valeur entière, partiel la moitié, non rien ; vide, la moitié avec une fourchette.',
  recurrent:
    'Échange régulier (part des échanges récurrents) ; la quantité reste le total de la date de début à la date de fin.',
  statut_donnee:
    'Niveau de qualité : declare (déclaré par une association), confirme (confirmé par l’association partenaire), verifie (vérifié par la coordination). Le filtre « qualité minimale » et la fourchette de chaque chiffre en dépendent.',
  source: 'Origine de la ligne (enquête, convention…), reprise dans le rapport d’import.',
  consentement_publication: 'oui : montré sur la carte publique ; non : compté dans les totaux seulement.',
};

/** Three worked examples, field by field (empty fields left out). */
export const EXAMPLES: readonly {
  readonly title: string;
  readonly values: Readonly<Record<string, string>>;
}[] = [
  {
    title: 'Exemple 1 : prêt de chaises',
    values: {
      id_echange: 'EX-2024-001',
      date_debut: '2024-05-18',
      date_fin: '2024-05-20',
      fournisseur_rna: 'W901000123',
      beneficiaire_rna: 'W901000456',
      type_ressource: 'materiel',
      categorie_bien: 'mobilier_chaise',
      modalite: 'pret',
      libelle: 'Prêt de 60 chaises pour la fête de quartier',
      quantite: '60',
      unite: 'unite',
      duree_heures: '48',
      masse_kg: '270',
      distance_km: '14',
      mode_transport: 'voiture',
      valeur_marche_eur: '180',
      aurait_achete: 'oui',
      recurrent: 'non',
      statut_donnee: 'declare',
      source: 'Enquête 2024',
      consentement_publication: 'oui',
    },
  },
  {
    title: 'Exemple 2 : salle chaque mardi',
    values: {
      id_echange: 'EX-2024-002',
      date_debut: '2024-01-09',
      date_fin: '2024-06-25',
      fournisseur_rna: 'W901000456',
      beneficiaire_rna: 'W901000789',
      type_ressource: 'locaux',
      modalite: 'mise_a_disposition',
      libelle: 'Salle de réunion le mardi soir',
      quantite: '48',
      unite: 'heure',
      surface_m2: '45',
      distance_km: '6',
      mode_transport: 'velo',
      aurait_achete: 'partiel',
      recurrent: 'oui',
      statut_donnee: 'confirme',
      consentement_publication: 'non',
    },
  },
  {
    title: 'Exemple 3 : appui comptable',
    values: {
      id_echange: 'EX-2024-003',
      date_debut: '2024-03-04',
      fournisseur_rna: 'W901000789',
      beneficiaire_rna: 'W901000123',
      type_ressource: 'competences',
      modalite: 'mise_a_disposition',
      libelle: 'Aide à la clôture des comptes',
      quantite: '12',
      unite: 'heure',
      heures_benevoles: '12',
      beneficiaires: '40',
      aurait_achete: 'non',
      recurrent: 'non',
      statut_donnee: 'verifie',
      source: 'Convention',
      consentement_publication: 'oui',
    },
  },
];

const SECTIONS: readonly (readonly [heading: string, ...paragraphs: string[]])[] = [
  [
    'Qui remplit quoi',
    'La coordination inscrit dans la feuille « Associations », colonne « Sollicitée », oui pour chaque association à qui elle a demandé ses échanges, avec la date de sollicitation. Une association sollicitée qui ne déclare aucun échange compte aussi : l’observatoire sait alors qu’elle n’a pas coopéré, au lieu de l’ignorer.',
    'Chaque association (ou la coordination, lors d’un entretien) remplit la feuille « Échanges » : une ligne par échange, donné ou reçu. Les n° RNA du fournisseur et du bénéficiaire se choisissent dans la liste ; la feuille « Associations » donne le nom et la commune de chaque numéro (Ctrl+F pour chercher un nom).',
    'Statut de la donnée dit jusqu’où l’échange a été contrôlé : declare quand une association le déclare seule ; confirme quand l’association partenaire l’a confirmé (elle l’a déclaré aussi, ou a relu la ligne) ; verifie quand la coordination l’a vérifié (convention, facture, entretien). Dans le doute, laissez declare : la fourchette des chiffres est alors plus large.',
  ],
  [
    'Une ligne par échange',
    'Un échange est une ressource qui passe d’une association, le fournisseur, à une autre, le bénéficiaire : matériel prêté ou donné, salle ou personnel mis à disposition, compétences, projet mené ensemble. Un échange qui se répète (une salle chaque mardi) tient sur une ligne : Récurrent = oui, dates de début et de fin couvrant la période, quantité totale.',
    'Si les deux partenaires déclarent le même échange, une seule ligne est gardée : deux lignes de même fournisseur, bénéficiaire, date de début et ressource (type, catégorie de bien et libellé, sans tenir compte des majuscules, des accents ni des espaces) sont une double déclaration. Deux biens différents prêtés le même jour au même partenaire (des chaises et une sono) font deux lignes : donnez à chacune sa catégorie ou son libellé.',
    'Les deux premières lignes de la feuille « Échanges » sont les titres et une aide (obligatoire ou facultatif, format, définition) : ne les modifiez pas. Les dates s’écrivent AAAA-MM-JJ (JJ/MM/AAAA est converti), les nombres sans unité ni espace.',
  ],
  [
    'Les quantités et la méthode',
    'Quantité et Unité disent combien (60 objets, 3 heures, 2 jours, 4 ETP-mois). Les autres nombres affinent le calcul ; laissés vides, ils sont estimés par la méthode publiée, avec une fourchette basse et haute. Le tableau ci-dessous dit, colonne par colonne, ce que la méthode en fait.',
  ],
  [
    'Consentement à la publication',
    'Pour chaque échange, Consentement à la publication = oui seulement si les deux partenaires acceptent qu’il soit montré sur la carte publique. Avec non, l’échange compte dans les totaux par commune sans être montré. N’écrivez aucun nom de personne ni aucune adresse, nulle part.',
  ],
  [
    'Renvoyer le fichier',
    'Enregistrez le classeur au même format (XLSX ou ODS), sans renommer les feuilles ni les colonnes, et renvoyez-le à la coordination. Elle l’ouvre dans Symbiose (« Ouvrir vos fichiers », ou npm run import -- --exchanges fichier.xlsx) : plusieurs fichiers renvoyés s’importent ensemble, et les doubles déclarations sont écartées et signalées.',
  ],
];

const WIDTHS = [30, 12, 60, 26, 26, 26];
const TOTAL_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
/** Points for text of `length` characters wrapped in `width` characters (about 15 pt a line). */
const heightFor = (length: number, width: number) => Math.ceil(length / width) * 15 + 4;

function paragraph(text: string): RowModel {
  return row('paragraph', [text], { span: true, height: heightFor(text.length, TOTAL_WIDTH * 0.95) });
}

/** One row per field: title, required, what the method does with it, the three examples. */
function fieldRows(): RowModel[] {
  return TEMPLATE_FIELDS.map((field) => {
    const cells = [
      field.title,
      field.required ? 'oui' : 'non',
      METHOD[field.name] ?? field.description,
      ...EXAMPLES.map((example) => example.values[field.name] ?? null),
    ];
    const lines = Math.max(...cells.map((c, i) => Math.ceil(String(c ?? '').length / (WIDTHS[i] ?? 20))));
    return lines > 1 ? row('values', cells, { height: lines * 15 + 4 }) : row('values', cells);
  });
}

/** The guide sheet, titled with the territory's name. */
export function guideSheet(territory: string): SheetModel {
  const columns: ColumnModel[] = WIDTHS.map((width) => ({
    width,
    kind: 'text',
    required: false,
    validation: null,
  }));
  const intro =
    'Aucune source publique ne recense les ressources que les associations se prêtent, se donnent ou mettent en commun. Ce classeur sert à les recueillir, pour l’observatoire Symbiose : la carte de la coopération entre associations et l’estimation de ses effets sociaux, financiers et environnementaux.';
  return {
    name: SHEETS.guide,
    columns,
    rows: [
      row('title', [`Recueil des échanges entre associations — ${territory}`], { span: true, height: 26 }),
      paragraph(intro),
      ...SECTIONS.flatMap(([heading, ...paragraphs]) => [
        row('heading', [heading], { span: true, height: 22 }),
        ...paragraphs.map(paragraph),
      ]),
      row('heading', ['Les colonnes, et trois exemples'], { span: true, height: 22 }),
      row('header', ['Colonne', 'Obligatoire', 'Ce que la méthode en fait', ...EXAMPLES.map((e) => e.title)]),
      ...fieldRows(),
    ],
    input: null,
    frozenRows: 0,
    hidden: false,
  };
}
