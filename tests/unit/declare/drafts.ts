/*
 * The declaration the unit tests share: association W901000123 (commune 90010) declares on
 * 26 November 2026 at 09:30 a loan of its sound system to W901000456 (90065), and help with its
 * accounts received from an association known only by its SIRET.
 */
import type { DeclaredAssociation, ExchangeDraft } from '../../../src/declare/declaration-rows.ts';

export const SELF = {
  id: 'W901000123',
  siret: null,
  nom: 'Comité des fêtes de Montval',
  commune_code: '90010',
};
export const PARTNER = { id: 'W901000456', siret: null, nom: 'Harmonie de Valdoie', commune_code: '90065' };
/** An association of the register without an RNA number: the file names it by its SIRET. */
export const SIRET_ONLY = {
  id: 'ASSO-0042',
  siret: '82212742900014',
  nom: 'Compta Solidaire',
  commune_code: '90010',
};
export const STAMP = '20261126-0930';
export const TODAY = '2026-11-26';

/** Goods lent: every question of the type answered, plus one the type does not ask (etp_partages). */
export const LOAN: ExchangeDraft<DeclaredAssociation> = {
  partner: PARTNER,
  direction: 'fourni',
  type: 'materiel',
  date_debut: '2025-03-10',
  date_fin: '2025-03-12',
  details: {
    categorie_bien: 'sono',
    modalite: 'pret',
    quantite: '2',
    unite: 'unite',
    libelle: 'Prêt de la sono "ampli 2", câbles',
    duree_heures: '72',
    masse_kg: '80',
    valeur_marche_eur: '160,50',
    aurait_achete: 'oui',
    distance_km: ' 12,4 ',
    mode_transport: 'voiture',
    etp_partages: '1',
  },
  consent: true,
};

/** Skills received: arrangement and unit are not asked (a single one for the type). */
export const HELP: ExchangeDraft<DeclaredAssociation> = {
  partner: SIRET_ONLY,
  direction: 'recu',
  type: 'competences',
  date_debut: '2025-04-01',
  date_fin: '',
  details: {
    quantite: '12',
    libelle: 'Aide à la comptabilité, bilan 2024',
    heures_benevoles: '12',
    beneficiaires: '30',
    mode_transport: 'velo',
    recurrent: 'oui',
  },
  consent: false,
};
