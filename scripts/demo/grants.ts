import type { GrantRow } from '../../src/data/schema/index.ts';
import type { GeneratedAssociation } from './associations.ts';
import { toDay, toIsoDate } from './calendar.ts';
import { fictionalSiren, fictionalSiret } from './identifiers.ts';
import type { Random } from './random.ts';
import type { GeneratedTerritory } from './territory.ts';
import { THEMES } from './themes.ts';

interface Funder {
  readonly name: string;
  readonly siret: string;
  /** Chance, per association and year, of a grant; and its typical amount (€). */
  readonly eligible: (a: GeneratedAssociation) => number;
  readonly median: number;
  readonly scheme: string;
  readonly from?: string;
}

function funders(territory: GeneratedTerritory, programmeName: string, programmeStart: string): Funder[] {
  const town = territory.communes.find((c) => c.role === 'ville');
  const townCode = town?.row.code_insee ?? '';
  const townEpci = town?.row.epci_code ?? '';
  const group = (a: GeneratedAssociation): string => THEMES[a.theme].group;
  const list: Funder[] = [
    {
      name: `Commune de ${town?.row.nom ?? 'la ville-centre'}`,
      siret: fictionalSiret(fictionalSiren(21_000_031), 15),
      eligible: (a) => (a.row.commune_code === townCode ? (a.hub ? 1 : 0.3) : 0),
      median: 1_200,
      scheme: 'Subvention de fonctionnement',
    },
    {
      name: town?.row.epci_nom ?? 'Communauté d’agglomération',
      siret: fictionalSiret(fictionalSiren(20_000_011), 12),
      eligible: (a) => (a.hub ? 1 : 0.06),
      median: 4_000,
      scheme: programmeName,
      from: programmeStart,
    },
    {
      name: 'Département fictif',
      siret: fictionalSiret(fictionalSiren(22_000_001), 19),
      eligible: (a) => (a.hub === 'centre_social' ? 1 : group(a) === 'social' ? 0.25 : 0.03),
      median: 6_000,
      scheme: 'Action sociale et solidarités',
    },
    {
      name: 'Service départemental à la jeunesse, à l’engagement et aux sports',
      siret: fictionalSiret(fictionalSiren(13_000_005), 27),
      eligible: (a) => (a.hub ? 0.5 : 0.04),
      median: 2_500,
      scheme: 'FDVA 2 – fonctionnement et innovation',
    },
    {
      name: 'Caisse d’allocations familiales',
      siret: fictionalSiret(fictionalSiren(53_400_009), 14),
      eligible: (a) =>
        a.hub === 'centre_social' ? 1 : group(a) === 'social' || a.theme === '021000' ? 0.1 : 0,
      median: 15_000,
      scheme: 'Prestation de service animation globale',
    },
  ];
  return list.filter((f) => townEpci !== '' || f.scheme !== programmeName);
}

/** SCDL grant conventions of several funders, one year at a time, in the schema's own fields. */
export function generateGrants(
  random: Random,
  territory: GeneratedTerritory,
  associations: readonly GeneratedAssociation[],
  options: { periodStart: string; periodEnd: string; programmeName: string; programmeStart: string },
): GrantRow[] {
  const rows: GrantRow[] = [];
  const firstYear = Number(options.periodStart.slice(0, 4));
  const lastYear = Number(options.periodEnd.slice(0, 4));
  for (const funder of funders(territory, options.programmeName, options.programmeStart)) {
    for (let year = firstYear; year <= lastYear; year++) {
      for (const association of associations) {
        const from = funder.from ? toDay(funder.from) : toDay(`${year}-01-01`);
        const day = Math.max(from, toDay(`${year}-01-15`)) + random.int(0, 150);
        if (day > toDay(`${year}-12-31`) || day < association.activeFrom || day > association.activeTo)
          continue;
        if (association.dormant || !random.chance(funder.eligible(association))) continue;
        const amount = Math.round(random.logNormal(funder.median * (association.hub ? 3 : 1), 0.6) / 50) * 50;
        const inKind = funder.name.startsWith('Commune') && random.chance(0.15);
        rows.push({
          id_subvention: `S${String(rows.length + 1).padStart(7, '0')}`,
          nomAttribuant: funder.name,
          idAttribuant: funder.siret,
          dateConvention: toIsoDate(day),
          referenceDecision: `DEL-${year}-${String(random.int(1, 240)).padStart(3, '0')}`,
          nomBeneficiaire: association.row.nom,
          idBeneficiaire: association.row.siret,
          rnaBeneficiaire: association.row.id,
          objet: inKind ? 'Mise à disposition gracieuse de locaux municipaux' : `${funder.scheme} ${year}`,
          montant: Math.max(100, amount),
          nature: inKind ? 'aide en nature' : 'aide en numéraire',
          conditionsVersement: amount > 23_000 ? 'échelonné' : 'unique',
          datesPeriodeVersement: toIsoDate(day + random.int(10, 60)),
          idRAE: null,
          notificationUE: false,
          pourcentageSubvention: 1,
          dispositifAide: funder.scheme,
          association_id: association.row.id,
        });
      }
    }
  }
  return rows;
}
