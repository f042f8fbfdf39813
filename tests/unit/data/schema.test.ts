import { describe, expect, it } from 'vitest';

import { DATASET_TABLES, EXCHANGES_TABLE } from '../../../src/data/schema/index.ts';

describe('DATASET_TABLES', () => {
  it.each(DATASET_TABLES.map((t) => [t.name, t] as const))(
    '%s: unique column names, a primary key among them',
    (_, table) => {
      const names = table.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain(table.primaryKey);
      expect(table.file).toBe(`${table.name}.arrow`);
    },
  );

  it('keeps the French field names of the exchange format (methodology §4.7)', () => {
    const names = EXCHANGES_TABLE.columns.map((c) => c.name);
    // The v0.1 field list, in its order.
    const v01 = [
      'id_echange',
      'date_debut',
      'date_fin',
      'fournisseur_rna',
      'fournisseur_siret',
      'beneficiaire_rna',
      'beneficiaire_siret',
      'fournisseur_commune',
      'beneficiaire_commune',
      'type_ressource',
      'categorie_bien',
      'libelle',
      'quantite',
      'unite',
      'surface_m2',
      'duree_heures',
      'masse_kg',
      'distance_km',
      'mode_transport',
      'heures_benevoles',
      'etp_partages',
      'beneficiaires',
      'valeur_marche_eur',
      'contrepartie_eur',
      'aurait_achete',
      'recurrent',
      'statut_donnee',
      'source',
      'consentement_publication',
    ];
    expect(names.filter((n) => v01.includes(n))).toEqual(v01);
    const required = EXCHANGES_TABLE.columns.filter((c) => c.required).map((c) => c.name);
    expect(required).toEqual([
      'id_echange',
      'date_debut',
      'type_ressource',
      'quantite',
      'unite',
      'statut_donnee',
      'consentement_publication',
    ]);
  });
});
