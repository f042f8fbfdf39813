import { describe, expect, it } from 'vitest';

import {
  declarationStamp,
  EXCHANGE_COLUMNS,
  exchangeCells,
  exchangeId,
  identifierOf,
} from '../../../src/declare/declaration-rows.ts';
import { HELP, LOAN, PARTNER, SELF, SIRET_ONLY, STAMP } from './drafts.ts';

describe('exchange identifiers', () => {
  it('stamps a declaration with its local day, hour and minute', () => {
    expect(declarationStamp(new Date(2026, 10, 26, 9, 5))).toBe('20261126-0905');
    expect(declarationStamp(new Date(2027, 0, 3, 23, 59))).toBe('20270103-2359');
  });

  it('names an exchange by the association’s RNA number, else SIRET, the stamp and its number', () => {
    expect(exchangeId(SELF, STAMP, 1)).toBe('W901000123-20261126-0930-01');
    expect(exchangeId(SELF, STAMP, 123)).toBe('W901000123-20261126-0930-123');
    expect(exchangeId(SIRET_ONLY, STAMP, 7)).toBe('82212742900014-20261126-0930-07');
    // Neither: the id itself, anything outside [A-Za-z0-9_-] as « - » (the format's pattern).
    expect(exchangeId({ id: '0901/2003 bis', siret: null }, STAMP, 2)).toBe('0901-2003-bis-20261126-0930-02');
  });

  it('names an association in the file by its RNA number, else by its SIRET', () => {
    expect(identifierOf(PARTNER)).toEqual({ rna: 'W901000456', siret: '' });
    expect(identifierOf(SIRET_ONLY)).toEqual({ rna: '', siret: '82212742900014' });
  });
});

describe('exchangeCells', () => {
  it('writes every column of the published format, in its order', () => {
    expect(Object.keys(exchangeCells(SELF, LOAN, 'X'))).toEqual(EXCHANGE_COLUMNS);
    expect(EXCHANGE_COLUMNS).toHaveLength(30);
  });

  it('puts the declaring association on the provider side of what it provided', () => {
    expect(exchangeCells(SELF, LOAN, 'W901000123-20261126-0930-01')).toEqual({
      id_echange: 'W901000123-20261126-0930-01',
      date_debut: '2025-03-10',
      date_fin: '2025-03-12',
      fournisseur_rna: 'W901000123',
      fournisseur_siret: '',
      beneficiaire_rna: 'W901000456',
      beneficiaire_siret: '',
      fournisseur_commune: '',
      beneficiaire_commune: '',
      type_ressource: 'materiel',
      categorie_bien: 'sono',
      modalite: 'pret',
      libelle: 'Prêt de la sono "ampli 2", câbles',
      quantite: '2',
      unite: 'unite',
      surface_m2: '',
      duree_heures: '72',
      masse_kg: '80',
      // « 12,4 » and « 160,50 » written with the format's decimal point.
      distance_km: '12.4',
      mode_transport: 'voiture',
      heures_benevoles: '',
      // Typed, but goods do not ask for shared staff: left empty.
      etp_partages: '',
      beneficiaires: '',
      valeur_marche_eur: '160.5',
      contrepartie_eur: '',
      aurait_achete: 'oui',
      recurrent: '',
      statut_donnee: 'declare',
      source: 'Déclaration de l’association (Symbiose)',
      consentement_publication: 'oui',
    });
  });

  it('puts it on the receiver side of what it received, and fills the type’s only arrangement and unit', () => {
    const cells = exchangeCells(SELF, HELP, 'E');
    expect([cells['fournisseur_rna'], cells['fournisseur_siret'], cells['beneficiaire_rna']]).toEqual([
      '',
      '82212742900014',
      'W901000123',
    ]);
    expect([cells['modalite'], cells['unite'], cells['quantite'], cells['consentement_publication']]).toEqual(
      ['mise_a_disposition', 'personne_heure', '12', 'non'],
    );
  });

  it('leaves what is not chosen yet empty, and keeps an unreadable number as typed for the checks', () => {
    const cells = exchangeCells(
      SELF,
      { ...LOAN, partner: null, direction: null, consent: null, details: { quantite: 'deux' } },
      'E',
    );
    expect([
      cells['beneficiaire_rna'],
      cells['consentement_publication'],
      cells['quantite'],
      cells['modalite'],
    ]).toEqual(['', '', 'deux', 'pret']);
    const untyped = exchangeCells(SELF, { ...LOAN, type: null }, 'E');
    expect([untyped['type_ressource'], untyped['quantite'], untyped['unite']]).toEqual(['', '', '']);
  });
});
