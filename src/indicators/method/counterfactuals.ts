import type { Localized } from '../types.ts';

/*
 * What would have happened without the exchange — one rule per resource type and modality, written
 * once and applied alike to money (avoided cost), carbon (avoided manufacturing or premises) and
 * matter. Each rule gives the SQL of the avoided alternative in the columns of `quantites` joined
 * to the good's coefficients (`b`), before the substitution share s and the data factor (see
 * sql-values.ts). The method page prints this table.
 */

export interface CounterfactualRule {
  readonly id: string;
  /** Resource types (`type_ressource`) the rule covers. */
  readonly types: readonly string[];
  /** Modalities (`modalite`) it covers; null: any modality, the empty one included. */
  readonly modalities: readonly string[] | null;
  /** The alternative the exchange stands for. */
  readonly alternative: Localized;
  /** € of the alternative (before s, before the compensation paid). A declared market value replaces it. */
  readonly cost: string;
  /** kgCO₂e of manufacturing avoided. */
  readonly manufacturing: string;
  /** kgCO₂e of premises avoided (operation of the alternative room during and outside the use). */
  readonly premises: string;
  /** kg of matter avoided. */
  readonly matter: string;
}

const NONE = '0';
/** Days the good was used: the quantity when counted in days, else the exchange's days. */
const DAYS_OF_USE = `CASE q.unite WHEN 'jour' THEN q.quantite ELSE q.jours END`;
const MASS = `coalesce(q.masse_kg, q.unites * b.masse_unitaire_kg)`;
/** Share of the good's life the loan uses: days of use ÷ lifetime, at most all of it. */
const LIFE_USED = `least(1.0, ${DAYS_OF_USE} / b.duree_vie_jours)`;
/** kWh a room burns while in use (heating, lighting): area × hours × kWh per m²·h. */
export const ROOM_USE_KWH = `q.surface_m2 * q.heures_locaux * q.energie_locaux_kwh_m2_h`;

// prettier-ignore
export const COUNTERFACTUALS: readonly CounterfactualRule[] = [
  {
    id: 'don-bien',
    types: ['materiel', 'vehicule'],
    modalities: ['don'],
    alternative: {
      fr: 'Acheter un bien équivalent pour la part de vie qui lui reste : cette part du prix neuf, de la fabrication et de la matière.',
      en: 'Buying an equivalent good for the share of life it has left: that share of its new price, manufacturing and matter.',
    },
    cost: 'q.unites * b.prix_neuf * q.part_vie_restante_don',
    manufacturing: 'q.unites * b.ef_fabrication * q.part_vie_restante_don',
    premises: NONE,
    matter: `${MASS} * q.part_vie_restante_don`,
  },
  {
    id: 'pret-materiel',
    types: ['materiel'],
    modalities: null,
    alternative: {
      fr: 'Louer le bien le temps de l’usage : jours × location (au plus le prix neuf) ; la fabrication et la matière de la part de sa vie utilisée (jours ÷ durée de vie).',
      en: 'Renting the good for the time of use: days × rent (at most the new price); the manufacturing and matter of the share of its life used (days ÷ lifetime).',
    },
    cost: `q.unites * least(b.location_jour * ${DAYS_OF_USE}, b.prix_neuf)`,
    manufacturing: `q.unites * b.ef_fabrication * ${LIFE_USED}`,
    premises: NONE,
    matter: `${MASS} * ${LIFE_USED}`,
  },
  {
    id: 'pret-vehicule',
    types: ['vehicule'],
    modalities: null,
    alternative: {
      fr: 'Louer le véhicule : unités × min(jours × location, prix neuf) + km × prix au km ; la fabrication et la matière de la part de sa vie utilisée (jours ÷ durée de vie). Le carburant est brûlé dans les deux cas : il n’est pas compté.',
      en: 'Renting the vehicle: units × min(days × rent, new price) + km × price per km; the manufacturing and matter of the share of its life used (days ÷ lifetime). Fuel is burnt either way: not counted.',
    },
    cost: `q.unites * least(b.location_jour * ${DAYS_OF_USE}, b.prix_neuf) + q.km_parcourus * q.prix_km_vehicule`,
    manufacturing: `q.unites * b.ef_fabrication * ${LIFE_USED}`,
    premises: NONE,
    matter: `${MASS} * ${LIFE_USED}`,
  },
  {
    id: 'locaux',
    types: ['locaux'],
    modalities: null,
    alternative: {
      fr: 'Louer une autre salle : heures × tarif horaire (ou jours × tarif journalier) ; son énergie pendant l’usage et sa part d’exploitation hors usage (heures ÷ heures d’occupation annuelles × facteur par m² et par an). L’énergie de la salle prêtée pendant l’usage est toujours déduite (voir « énergie des salles prêtées »).',
      en: 'Renting another room: hours × hourly rate (or days × daily rate); its energy during the use and its share of operation outside use (hours ÷ annual hours of occupation × factor per m² and year). The energy of the room lent during the use is always deducted (see « energy of lent rooms »).',
    },
    cost: `CASE q.unite WHEN 'heure' THEN q.quantite * q.prix_locaux_heure WHEN 'jour' THEN q.quantite * q.prix_locaux_jour ELSE 0 END`,
    manufacturing: NONE,
    premises: `q.surface_m2 * q.heures_locaux / q.heures_reference_locaux * q.ef_locaux_m2_an + ${ROOM_USE_KWH} * q.ef_energie_kwh`,
    matter: NONE,
  },
  {
    id: 'autre',
    types: ['autre'],
    modalities: null,
    alternative: {
      fr: 'Acheter la ressource à sa valeur de marché déclarée (sans valeur déclarée : non chiffré) ; ni carbone ni matière, faute de catégorie.',
      en: 'Buying the resource at its declared market value (without one: not costed); no carbon nor matter, for want of a category.',
    },
    cost: NONE,
    manufacturing: NONE,
    premises: NONE,
    matter: NONE,
  },
  {
    id: 'temps',
    types: ['competences', 'information_formation', 'projet_commun'],
    modalities: null,
    alternative: {
      fr: 'Rien n’est acheté à la place : le temps donné est compté en heures bénévoles et valorisé à part (valeur du temps bénévole), jamais ajouté au coût évité.',
      en: 'Nothing is bought instead: the time given is counted in volunteer hours and valued apart (volunteer time value), never added to the avoided cost.',
    },
    cost: NONE,
    manufacturing: NONE,
    premises: NONE,
    matter: NONE,
  },
  {
    id: 'personnel',
    types: ['personnel'],
    modalities: null,
    alternative: {
      fr: 'Employer soi-même : le personnel mis à disposition est chiffré à son coût (valeur du personnel partagé), dont la part refacturée au bénéficiaire n’est pas une économie ; jamais ajouté au coût évité.',
      en: 'Employing staff oneself: staff made available is valued at cost (shared staff value), of which the part re-invoiced to the receiver is no saving; never added to the avoided cost.',
    },
    cost: NONE,
    manufacturing: NONE,
    premises: NONE,
    matter: NONE,
  },
];

type Column = 'cost' | 'manufacturing' | 'premises' | 'matter';

function condition(rule: CounterfactualRule): string {
  const types = `q.type_ressource IN (${rule.types.map((t) => `'${t}'`).join(', ')})`;
  if (!rule.modalities) return types;
  return `${types} AND q.modalite IN (${rule.modalities.map((m) => `'${m}'`).join(', ')})`;
}

/** SQL: one column of the alternative, by the first rule that matches the exchange (rules in order). */
export function counterfactualSql(column: Column): string {
  const branches = COUNTERFACTUALS.map((r) => `WHEN ${condition(r)} THEN ${r[column]}`);
  return `coalesce(CASE ${branches.join(' ')} ELSE 0 END, 0)`;
}
