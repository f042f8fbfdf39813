import type { IndicatorDefinition } from '../types.ts';
import { both, ratio } from './helpers.ts';

/**
 * How far the declared exchanges can be trusted and how lasting they are: the shares verified by
 * the coordinator, confirmed by the partner, and regular. Social family, listed after the others.
 */
export const DATA_QUALITY_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'part-verifiee',
    ref: '',
    family: 'social',
    label: both('Échanges vérifiés', 'Verified exchanges'),
    unit: both('% des échanges', '% of exchanges'),
    formula: both(
      'Échanges dont la donnée est vérifiée par le coordinateur de l’enquête (statut_donnee = verifie) ÷ échanges.',
      'Exchanges whose data the survey coordinator verified (statut_donnee = verifie) ÷ exchanges.',
    ),
    reading: both(
      'Élevé : la plupart des échanges ont été vérifiés ; bas : les chiffres reposent surtout sur les déclarations des associations (leur fourchette est plus large).',
      'High: most exchanges were verified; low: the figures rest mostly on what associations declared (their range is wider).',
    ),
    fields: ['echanges.statut_donnee'],
    caveats: both('Tous les autres chiffres sont déclaratifs.', 'All other figures are declared.'),
    parts: ['echanges_verifies', 'echanges'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('echanges_verifies', s), p('echanges', s)),
  },
  {
    id: 'part-confirmee',
    ref: '',
    family: 'social',
    label: both('Échanges confirmés ou vérifiés', 'Confirmed or verified exchanges'),
    unit: both('% des échanges', '% of exchanges'),
    formula: both(
      '(Échanges confirmés par l’association partenaire + échanges vérifiés par le coordinateur) ÷ échanges.',
      '(Exchanges confirmed by the partner association + exchanges verified by the coordinator) ÷ exchanges.',
    ),
    reading: both(
      'Élevé : les deux associations (ou le coordinateur) attestent la plupart des échanges ; bas : la plupart ne sont déclarés que par l’une d’elles.',
      'High: both associations (or the coordinator) attest most exchanges; low: most are declared by one of them only.',
    ),
    fields: ['echanges.statut_donnee'],
    caveats: null,
    parts: ['echanges_confirmes', 'echanges_verifies', 'echanges'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => {
      const confirmed = p('echanges_confirmes', s);
      const verified = p('echanges_verifies', s);
      return confirmed === null || verified === null ? null : ratio(confirmed + verified, p('echanges', s));
    },
  },
  {
    id: 'part-recurrente',
    ref: '',
    family: 'social',
    label: both('Échanges réguliers', 'Regular exchanges'),
    unit: both('% des échanges', '% of exchanges'),
    formula: both(
      'Échanges déclarés réguliers (recurrent = oui : l’usage hebdomadaire d’une salle, un prêt renouvelé…) ÷ échanges.',
      'Exchanges declared regular (recurrent = oui: weekly use of a room, a renewed loan…) ÷ exchanges.',
    ),
    reading: both(
      'Élevé : la coopération s’inscrit dans la durée ; bas : elle se fait surtout au coup par coup. Ne dit rien de la taille des échanges.',
      'High: cooperation is lasting; low: it happens mostly one-off. Says nothing of the size of exchanges.',
    ),
    fields: ['echanges.recurrent'],
    caveats: both(
      'Un échange régulier garde sa quantité totale : elle est répartie sur ses jours, au prorata de la période.',
      'A regular exchange keeps its total quantity: it is spread over its days, pro rata of the period.',
    ),
    parts: ['echanges_recurrents', 'echanges'],
    percent: true,
    total: false,
    decimals: 0,
    value: (p, s) => ratio(p('echanges_recurrents', s), p('echanges', s)),
  },
];
