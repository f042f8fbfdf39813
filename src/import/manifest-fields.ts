/*
 * What an import's manifest says beyond its files' list (import-dataset.ts): the licence of each
 * kind of source, the dataset's period when none is given, and what the exchange data covers.
 */
import type { DateSpan } from './date-span.ts';
import type { ManifestDraft } from './import-dataset.ts';
import type { ImportSource } from './source.ts';

export const LICENCES: Readonly<Record<string, string>> = {
  communes: 'Licence Ouverte (contours fournis ; IGN ADMIN EXPRESS pour les fichiers publics)',
  associations: 'Licence Ouverte 2.0 (RNA, Ministère de l’Intérieur)',
  grants: 'Licence Ouverte (données essentielles des conventions de subvention, SCDL)',
  exchanges: 'Fichier fourni par le territoire',
  offers: 'Fichier fourni par le territoire',
  waldec: 'Nomenclature WALDEC (data.gouv.fr)',
};

function monthEnd(date: string): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The period: exchanges' months, else grants' years, else the calendar year of the RNA's latest date. */
export function periodOf(
  exchanges: DateSpan,
  grants: DateSpan,
  rna: DateSpan,
): { start: string; end: string } {
  if (exchanges.first && exchanges.last)
    return { start: `${exchanges.first.slice(0, 7)}-01`, end: monthEnd(exchanges.last) };
  if (grants.first && grants.last)
    return { start: `${grants.first.slice(0, 4)}-01-01`, end: `${grants.last.slice(0, 4)}-12-31` };
  const year = rna.last ? rna.last.slice(0, 4) : '2025';
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/**
 * What the exchange data covers: the ends of the exchanges and the associations asked (named by
 * the `templates`' associations sheets), or none.
 */
export function coverageOf(
  exchangeFiles: readonly ImportSource[],
  templates: readonly string[],
  counts: Readonly<Record<string, number>>,
): ManifestDraft['coverage'] {
  const exchanges = counts['echanges'] ?? 0;
  const surveyed = counts['enquetes'] ?? 0;
  if (exchanges === 0 && surveyed === 0)
    return {
      mode: 'aucune',
      description:
        'Aucun fichier d’échanges : les indicateurs de coopération sont non renseignés. Ajoutez un fichier d’échanges au format publié (« Ouvrir vos fichiers » ou npm run import -- --exchanges).',
    };
  const plural = surveyed > 1 ? 's' : '';
  const said = [
    ...(exchanges > 0 ? [`Échanges déclarés dans ${exchangeFiles.map((f) => f.name).join(', ')}`] : []),
    ...(surveyed > 0
      ? [
          `${surveyed.toLocaleString('fr-FR')} association${plural} enquêtée${plural} (sollicitée${plural} pour déclarer ${surveyed > 1 ? 'leurs' : 'ses'} échanges, feuille « Associations » de ${templates.join(', ')})`,
        ]
      : []),
  ];
  return {
    mode: 'echanges',
    description: `${said.join(' ; ')} : seules les associations ${surveyed > 0 ? 'enquêtées ou ' : ''}qui figurent dans les échanges sont couvertes.`,
  };
}
