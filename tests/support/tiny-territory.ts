/**
 * A tiny territory built in a test: three communes of one intercommunalité, six active
 * associations (two per commune), and exchanges written with only what differs from a one-day,
 * verified skills exchange on foot in March 2024.
 *
 *   communes   00001 Alpha (A1, A2)   00002 Beta (A3, A4)   00003 Gamma (A5, A6)
 */
import type { AssociationRow, CommuneRow, ExchangeRow } from '../../src/data/schema/index.ts';
import {
  association as fixtureAssociation,
  commune as fixtureCommune,
  exchange as fixtureExchange,
} from './fixture.ts';

/** A commune of the tiny territory: 1 000 inhabitants, all in one intercommunalité. */
export function commune(code: string, nom: string): CommuneRow {
  return fixtureCommune(code, nom, 1000, 'E1', 3, 45.5);
}

/** Association n of the tiny territory, a sports association of `communeCode`. */
export function association(n: number, communeCode: string): AssociationRow {
  return fixtureAssociation(n, communeCode, '011000');
}

/** The commune of association n (A1…A6). */
export const COMMUNE_OF = ['', '00001', '00001', '00002', '00002', '00003', '00003'];

/** An exchange from A`from` to A`to`: a one-day, verified skills exchange on foot on 1 March 2024, but for `overrides`. */
export function exchange(id: string, from: number, to: number, overrides: Partial<ExchangeRow>): ExchangeRow {
  return fixtureExchange(id, '2024-03-01', from, to, 'competences', {
    fournisseur_commune: COMMUNE_OF[from] ?? null,
    beneficiaire_commune: COMMUNE_OF[to] ?? null,
    unite: 'personne_heure',
    distance_km: 0,
    mode_transport: 'marche',
    statut_donnee: 'verifie',
    ...overrides,
  });
}
