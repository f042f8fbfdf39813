import { describe, expect, it } from 'vitest';

import { EXCHANGES_TABLE } from '../../../src/data/schema/index.ts';
import {
  EXCHANGE_MODALITIES,
  EXCHANGE_UNITS,
  GOODS_CATEGORIES,
  RESOURCE_TYPES,
} from '../../../src/data/schema/vocabularies.ts';
import {
  choicesOf,
  DETAIL_FIELDS,
  DETAIL_SPECS,
  detailsShown,
  hintOf,
  OPTION_LABELS,
  TYPE_FORMS,
} from '../../../src/declare/declaration-fields.ts';
import { issueText } from '../../../src/declare/declaration-issues.ts';

describe('the questions asked per type of resource', () => {
  it('asks what the method reads for goods, premises, skills and staff', () => {
    expect(detailsShown('materiel')).toEqual([
      'categorie_bien',
      'modalite',
      'quantite',
      'unite',
      'libelle',
      'duree_heures',
      'masse_kg',
      'valeur_marche_eur',
      'contrepartie_eur',
      'aurait_achete',
      'beneficiaires',
      'distance_km',
      'mode_transport',
      'recurrent',
    ]);
    expect(detailsShown('locaux')).toEqual([
      'modalite',
      'quantite',
      'unite',
      'libelle',
      'surface_m2',
      'duree_heures',
      'valeur_marche_eur',
      'contrepartie_eur',
      'aurait_achete',
      'beneficiaires',
      'distance_km',
      'mode_transport',
      'recurrent',
    ]);
    // One arrangement and one unit: written without asking.
    expect(detailsShown('competences')).toEqual([
      'quantite',
      'libelle',
      'heures_benevoles',
      'beneficiaires',
      'distance_km',
      'mode_transport',
      'recurrent',
    ]);
    expect(detailsShown('personnel')).toEqual([
      'quantite',
      'libelle',
      'etp_partages',
      'duree_heures',
      'contrepartie_eur',
      'distance_km',
      'mode_transport',
      'recurrent',
    ]);
  });

  it('offers only the format’s codes: columns, arrangements, units, goods', () => {
    const columns = EXCHANGES_TABLE.columns.map((c) => c.name as string);
    for (const field of DETAIL_FIELDS) expect(columns).toContain(field);
    for (const type of RESOURCE_TYPES) {
      for (const m of choicesOf(type, 'modalite')) expect(EXCHANGE_MODALITIES).toContain(m);
      for (const u of choicesOf(type, 'unite')) expect(EXCHANGE_UNITS).toContain(u);
      for (const g of choicesOf(type, 'categorie_bien')) expect(GOODS_CATEGORIES).toContain(g);
      for (const field of detailsShown(type))
        for (const code of choicesOf(type, field))
          expect(OPTION_LABELS[code], `${type} ${field} ${code}`).toBeDefined();
    }
    expect(choicesOf('vehicule', 'categorie_bien')).toEqual(['vul', 'voiture', 'minibus']);
    expect(choicesOf('materiel', 'categorie_bien')).not.toContain('minibus');
    expect(TYPE_FORMS.competences.units).toEqual(['personne_heure']);
    expect(TYPE_FORMS.personnel.units).toEqual(['etp_mois']);
  });

  it('gives each type its own hint for the quantity, and a type’s own hint where it differs', () => {
    expect(hintOf('competences', 'quantite')?.fr).toBe('Heures données × nombre de personnes.');
    expect(hintOf('vehicule', 'distance_km')?.en).toBe('Round trip to fetch the vehicle.');
    expect(hintOf('materiel', 'distance_km')).toBe(DETAIL_SPECS.distance_km.hint);
  });
});

describe('issueText', () => {
  it('says the importer’s known messages in English, keeping their values', () => {
    expect(issueText('valeur supérieure au maximum 1000000000')).toEqual({
      fr: 'valeur supérieure au maximum 1000000000',
      en: 'above the maximum 1000000000',
    });
    expect(issueText('valeur hors de la liste : oui, partiel, non').en).toBe('not one of: oui, partiel, non');
    expect(issueText('texte de plus de 256 caractères').en).toBe('more than 256 characters');
    expect(issueText('date « 2025-02-30 » illisible (AAAA-MM-JJ attendu)').en).toBe(
      'unreadable date “2025-02-30” (YYYY-MM-DD expected)',
    );
  });

  it('keeps an unknown message in French only', () => {
    expect(issueText('message nouveau')).toEqual({ fr: 'message nouveau', en: null });
  });
});
