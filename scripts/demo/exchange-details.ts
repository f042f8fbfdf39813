import type { ExchangeRow, ResourceType, TransportMode } from '../../src/data/schema/index.ts';
import type { HubKind } from './association-index.ts';
import type { Random } from './random.ts';
import type { ThemeGroup } from './themes.ts';

/** What the type of an exchange decides: quantity, unit, goods, hours, value, travel. */
export type ExchangeDetails = Pick<
  ExchangeRow,
  | 'categorie_bien'
  | 'modalite'
  | 'libelle'
  | 'quantite'
  | 'unite'
  | 'surface_m2'
  | 'duree_heures'
  | 'masse_kg'
  | 'heures_benevoles'
  | 'etp_partages'
  | 'beneficiaires'
  | 'valeur_marche_eur'
  | 'contrepartie_eur'
> & { readonly durationDays: number; readonly carriesGoods: boolean; readonly online: boolean };

interface Goods {
  readonly label: string;
  readonly massKg: number;
  /** Rental price per unit and day (€) [E], used for the declared market value. */
  readonly dailyRent: number;
  readonly quantity: readonly [number, number];
}

// prettier-ignore
const GOODS: Readonly<Record<string, Goods>> = {
  mobilier_chaise: { label: 'chaises', massKg: 4.5, dailyRent: 1.5, quantity: [20, 120] },
  mobilier_table: { label: 'tables', massKg: 12, dailyRent: 6, quantity: [4, 25] },
  tente_3x3: { label: 'tentes pliantes 3 × 3 m', massKg: 25, dailyRent: 60, quantity: [1, 4] },
  chapiteau: { label: 'chapiteau', massKg: 320, dailyRent: 400, quantity: [1, 1] },
  sono: { label: 'sonorisation', massKg: 40, dailyRent: 80, quantity: [1, 1] },
  videoprojecteur: { label: 'vidéoprojecteur', massKg: 3, dailyRent: 40, quantity: [1, 2] },
  ordinateur_portable: { label: 'ordinateurs portables', massKg: 2, dailyRent: 25, quantity: [1, 8] },
  outil: { label: 'outillage', massKg: 6, dailyRent: 15, quantity: [1, 6] },
};

// prettier-ignore
const GOODS_BY_GROUP: Readonly<Record<string, readonly string[]>> = {
  sport: ['tente_3x3', 'sono', 'mobilier_table', 'outil'],
  culture: ['sono', 'videoprojecteur', 'mobilier_chaise', 'chapiteau', 'mobilier_table'],
  loisirs: ['mobilier_table', 'mobilier_chaise', 'tente_3x3', 'chapiteau', 'sono'],
  social: ['ordinateur_portable', 'videoprojecteur', 'mobilier_table', 'mobilier_chaise'],
  education: ['ordinateur_portable', 'videoprojecteur', 'mobilier_chaise'],
  environnement: ['outil', 'tente_3x3', 'mobilier_table'],
  economie: ['videoprojecteur', 'ordinateur_portable', 'tente_3x3'],
  civique: ['mobilier_chaise', 'videoprojecteur', 'sono'],
  ressourcerie: ['mobilier_chaise', 'mobilier_table', 'ordinateur_portable', 'outil'],
};

const money = (value: number): number => Math.round(value * 100) / 100;

/** Declares a market value for about a third of exchanges, as surveys usually get. */
function declaredValue(random: Random, value: number): number | null {
  return random.chance(0.35) ? money(value * random.uniform(0.8, 1.25)) : null;
}

/** Who provides: a hub kind, or else the theme family of the association. */
export type ProviderProfile = HubKind | ThemeGroup;

function goodsDetails(random: Random, provider: ProviderProfile): ExchangeDetails {
  const choices = GOODS_BY_GROUP[provider] ?? GOODS_BY_GROUP['loisirs'] ?? [];
  const category = random.pick(choices);
  const goods = GOODS[category] ?? { label: 'matériel', massKg: 5, dailyRent: 10, quantity: [1, 2] as const };
  const quantity = random.int(goods.quantity[0], goods.quantity[1]);
  const gift = random.chance(provider === 'ressourcerie' ? 0.6 : 0.04);
  const days = gift ? 0 : random.int(1, 4);
  return {
    categorie_bien: category,
    modalite: gift ? 'don' : 'pret',
    libelle: `${gift ? 'Don' : 'Prêt'} de ${quantity > 1 || goods.label.endsWith('s') ? `${quantity} ` : ''}${goods.label}`,
    quantite: quantity,
    unite: 'unite',
    surface_m2: null,
    duree_heures: gift ? null : days * 24,
    masse_kg: money(quantity * goods.massKg),
    heures_benevoles: random.chance(0.3) ? random.int(1, 4) : null,
    etp_partages: null,
    beneficiaires: random.chance(0.5) ? random.int(15, 400) : null,
    valeur_marche_eur: declaredValue(
      random,
      quantity * goods.dailyRent * Math.max(1, days) * (gift ? 10 : 1),
    ),
    contrepartie_eur: random.chance(0.08) ? money(random.uniform(10, 60)) : null,
    durationDays: days,
    carriesGoods: true,
    online: false,
  };
}

function premisesDetails(random: Random): ExchangeDetails {
  const hall = random.chance(0.2);
  const quantity = hall ? random.int(1, 2) : random.int(2, 6);
  const surface = hall
    ? random.int(150, 350)
    : Math.round(Math.min(200, Math.max(12, random.logNormal(45, 0.5))));
  const hours = hall ? quantity * 10 : quantity;
  return {
    categorie_bien: null,
    modalite: 'mise_a_disposition',
    libelle: hall ? 'Mise à disposition de la grande salle' : 'Mise à disposition d’une salle de réunion',
    quantite: quantity,
    unite: hall ? 'jour' : 'heure',
    surface_m2: surface,
    duree_heures: hours,
    masse_kg: null,
    heures_benevoles: null,
    etp_partages: null,
    beneficiaires: random.int(6, hall ? 250 : 40),
    valeur_marche_eur: declaredValue(random, hall ? quantity * 150 : quantity * 25),
    contrepartie_eur: random.chance(0.15) ? money(random.uniform(15, 80)) : null,
    durationDays: hall ? quantity - 1 : 0,
    carriesGoods: false,
    online: false,
  };
}

function vehicleDetails(random: Random): ExchangeDetails {
  const category = random.weighted({ minibus: 45, vul: 35, voiture: 20 });
  const km = random.int(30, 420);
  const days = random.int(1, 3);
  return {
    categorie_bien: category,
    modalite: 'pret',
    libelle:
      category === 'minibus'
        ? 'Prêt du minibus'
        : category === 'vul'
          ? 'Prêt du camion'
          : 'Prêt d’une voiture',
    quantite: km,
    unite: 'km',
    surface_m2: null,
    duree_heures: days * 24,
    masse_kg: null,
    heures_benevoles: null,
    etp_partages: null,
    beneficiaires: category === 'minibus' ? random.int(4, 9) : null,
    valeur_marche_eur: declaredValue(random, days * 90 + km * 0.35),
    contrepartie_eur: random.chance(0.35) ? money(km * random.uniform(0.1, 0.3)) : null,
    durationDays: days - 1,
    carriesGoods: false,
    online: false,
  };
}

/** Average days in a month (365.25 ÷ 12), as the method and the importer count them. */
const DAYS_PER_MONTH = 30.4375;
/** Monthly hours of a full-time employee (35 h × 52 ÷ 12). */
const HOURS_PER_MONTH = 151.67;

type StaffFields = Pick<ExchangeDetails, 'quantite' | 'duree_heures' | 'etp_partages' | 'contrepartie_eur'>;

/**
 * A staff loan cut short by the end of the period, kept for the `days` its dates still cover:
 * FTE-months become the shared FTE × those months, so that `quantite` and `etp_partages` over the
 * dates agree (the importer warns when they differ by more than 10 %); hours and the re-invoiced
 * part shrink in proportion. No random draw: the rest of the demo is unchanged.
 */
export function staffWithin<T extends StaffFields>(details: T, days: number): T {
  const fte = details.etp_partages ?? 0;
  const quantite = Math.round(((fte * days) / DAYS_PER_MONTH) * 10_000) / 10_000;
  const share = details.quantite > 0 ? quantite / details.quantite : 0;
  return {
    ...details,
    quantite,
    duree_heures: Math.round(quantite * HOURS_PER_MONTH),
    contrepartie_eur: details.contrepartie_eur === null ? null : money(details.contrepartie_eur * share),
  };
}

function peopleDetails(random: Random, type: ResourceType): ExchangeDetails {
  if (type === 'personnel') {
    const fte = random.pick([0.1, 0.2, 0.25, 0.3, 0.5]);
    const months = random.int(1, 6);
    return {
      categorie_bien: null,
      modalite: 'mise_a_disposition',
      libelle: 'Mise à disposition d’un salarié',
      quantite: money(fte * months),
      unite: 'etp_mois',
      surface_m2: null,
      duree_heures: Math.round(fte * months * HOURS_PER_MONTH),
      masse_kg: null,
      heures_benevoles: null,
      etp_partages: fte,
      beneficiaires: null,
      valeur_marche_eur: null,
      contrepartie_eur: random.chance(0.7) ? money(fte * months * random.uniform(2_900, 3_500)) : null,
      durationDays: months * 30,
      carriesGoods: false,
      online: false,
    };
  }
  const training = type === 'information_formation';
  const joint = type === 'projet_commun';
  const people = training ? random.int(4, 25) : 1;
  const hours = joint ? random.int(10, 120) : training ? random.int(2, 7) * people : random.int(2, 30);
  return {
    categorie_bien: null,
    modalite: joint ? 'co_realisation' : 'mise_a_disposition',
    libelle: joint
      ? 'Organisation commune d’un événement'
      : training
        ? 'Atelier de formation partagé'
        : 'Appui bénévole',
    quantite: hours,
    unite: joint ? 'heure' : 'personne_heure',
    surface_m2: null,
    duree_heures: training ? hours / people : hours,
    masse_kg: null,
    heures_benevoles: training ? random.int(2, 7) : random.chance(0.85) ? hours : null,
    etp_partages: null,
    beneficiaires: joint
      ? random.int(30, 600)
      : training
        ? people
        : random.chance(0.4)
          ? random.int(5, 80)
          : null,
    valeur_marche_eur: declaredValue(random, hours * (training ? 25 : 35)),
    contrepartie_eur: null,
    durationDays: 0,
    carriesGoods: false,
    online: training && random.chance(0.3),
  };
}

function otherDetails(random: Random): ExchangeDetails {
  const quantity = random.int(1, 5);
  return {
    ...peopleDetails(random, 'competences'),
    modalite: 'pret',
    libelle: 'Autre mise en commun',
    quantite: quantity,
    unite: 'unite',
    heures_benevoles: null,
  };
}

/** Every attribute of an exchange that follows from its type and its provider. */
export function exchangeDetails(
  random: Random,
  type: ResourceType,
  provider: ProviderProfile,
): ExchangeDetails {
  switch (type) {
    case 'materiel':
      return goodsDetails(random, provider);
    case 'locaux':
      return premisesDetails(random);
    case 'vehicule':
      return vehicleDetails(random);
    case 'competences':
    case 'personnel':
    case 'information_formation':
    case 'projet_commun':
      return peopleDetails(random, type);
    case 'autre':
      return otherDetails(random);
  }
}

/** How people travelled, given the round trip in km and what was carried. */
export function transportMode(random: Random, roundTripKm: number, details: ExchangeDetails): TransportMode {
  if (details.online) return 'aucun';
  if (details.carriesGoods && (details.masse_kg ?? 0) > 150) return 'vul';
  if (roundTripKm < 3 && !details.carriesGoods) return random.weighted({ marche: 40, velo: 30, voiture: 30 });
  if (roundTripKm < 15)
    return random.weighted({ voiture: 75, velo: 8, voiture_electrique: 12, transport_commun: 5 });
  return random.weighted({ voiture: 76, voiture_electrique: 14, transport_commun: 10 });
}
