import type { GrantRow } from '../../src/data/schema/index.ts';
import type { AssociationIndex } from './association-index.ts';
import { toDay, toIsoDate } from './calendar.ts';
import { fictionalSiren, fictionalSiret } from './identifiers.ts';
import type { Random } from './random.ts';
import type { GeneratedTerritory } from './territory.ts';
import { THEMES } from './themes.ts';

interface Funder {
  readonly name: string;
  readonly siret: string;
  /** Chance, per association and year, of a grant; and its typical amount (€). */
  readonly eligible: (associations: AssociationIndex, i: number) => number;
  readonly median: number;
  readonly scheme: string;
  readonly from?: string;
}

function funders(territory: GeneratedTerritory, programmeName: string, programmeStart: string): Funder[] {
  const town = territory.communes.find((c) => c.role === 'ville');
  const townCode = town?.row.code_insee ?? '';
  const townEpci = town?.row.epci_code ?? '';
  const group = (a: AssociationIndex, i: number): string => THEMES[a.theme(i)].group;
  const list: Funder[] = [
    {
      name: `Commune de ${town?.row.nom ?? 'la ville-centre'}`,
      siret: fictionalSiret(fictionalSiren(21_000_031), 15),
      eligible: (a, i) => (a.communeCode(i) === townCode ? (a.hub(i) ? 1 : 0.3) : 0),
      median: 1_200,
      scheme: 'Subvention de fonctionnement',
    },
    {
      name: town?.row.epci_nom ?? 'Communauté d’agglomération',
      siret: fictionalSiret(fictionalSiren(20_000_011), 12),
      eligible: (a, i) => (a.hub(i) ? 1 : 0.06),
      median: 4_000,
      scheme: programmeName,
      from: programmeStart,
    },
    {
      name: 'Département fictif',
      siret: fictionalSiret(fictionalSiren(22_000_001), 19),
      eligible: (a, i) => (a.hub(i) === 'centre_social' ? 1 : group(a, i) === 'social' ? 0.25 : 0.03),
      median: 6_000,
      scheme: 'Action sociale et solidarités',
    },
    {
      name: 'Service départemental à la jeunesse, à l’engagement et aux sports',
      siret: fictionalSiret(fictionalSiren(13_000_005), 27),
      eligible: (a, i) => (a.hub(i) ? 0.5 : 0.04),
      median: 2_500,
      scheme: 'FDVA 2 – fonctionnement et innovation',
    },
    {
      name: 'Caisse d’allocations familiales',
      siret: fictionalSiret(fictionalSiren(53_400_009), 14),
      eligible: (a, i) =>
        a.hub(i) === 'centre_social' ? 1 : group(a, i) === 'social' || a.theme(i) === '021000' ? 0.1 : 0,
      median: 15_000,
      scheme: 'Prestation de service animation globale',
    },
  ];
  return list.filter((f) => townEpci !== '' || f.scheme !== programmeName);
}

/**
 * SCDL grant conventions of several funders, one year at a time, in the schema's own fields;
 * yielded in batches so that a national-size territory needs no more memory than a small one.
 */
export function* generateGrants(
  random: Random,
  territory: GeneratedTerritory,
  associations: AssociationIndex,
  options: {
    periodStart: string;
    periodEnd: string;
    programmeName: string;
    programmeStart: string;
    batchSize: number;
  },
): Generator<GrantRow[]> {
  let batch: GrantRow[] = [];
  let count = 0;
  const firstYear = Number(options.periodStart.slice(0, 4));
  const lastYear = Number(options.periodEnd.slice(0, 4));
  for (const funder of funders(territory, options.programmeName, options.programmeStart)) {
    for (let year = firstYear; year <= lastYear; year++) {
      const from = Math.max(funder.from ? toDay(funder.from) : 0, toDay(`${year}-01-15`));
      const yearEnd = toDay(`${year}-12-31`);
      for (let i = 0; i < associations.size; i++) {
        const day = from + random.int(0, 150);
        const alive = day >= (associations.activeFrom[i] ?? 0) && day <= (associations.activeTo[i] ?? 0);
        if (day > yearEnd || !alive) continue;
        if (associations.dormant[i] || !random.chance(funder.eligible(associations, i))) continue;
        const isHub = associations.hubIndex[i] !== -1;
        const amount = Math.round(random.logNormal(funder.median * (isHub ? 3 : 1), 0.6) / 50) * 50;
        const inKind = funder.name.startsWith('Commune') && random.chance(0.15);
        const id = associations.id(i);
        batch.push({
          id_subvention: `S${String(++count).padStart(7, '0')}`,
          nomAttribuant: funder.name,
          idAttribuant: funder.siret,
          dateConvention: toIsoDate(day),
          referenceDecision: `DEL-${year}-${String(random.int(1, 240)).padStart(3, '0')}`,
          nomBeneficiaire: associations.name(i),
          idBeneficiaire: associations.siret(i),
          rnaBeneficiaire: id,
          objet: inKind ? 'Mise à disposition gracieuse de locaux municipaux' : `${funder.scheme} ${year}`,
          montant: Math.max(100, amount),
          nature: inKind ? 'aide en nature' : 'aide en numéraire',
          conditionsVersement: amount > 23_000 ? 'échelonné' : 'unique',
          datesPeriodeVersement: toIsoDate(day + random.int(10, 60)),
          idRAE: null,
          notificationUE: false,
          pourcentageSubvention: 1,
          dispositifAide: funder.scheme,
          association_id: id,
        });
        if (batch.length === options.batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
  }
  if (batch.length > 0) yield batch;
}
