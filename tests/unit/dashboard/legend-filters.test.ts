import { describe, expect, it } from 'vitest';

import { legendFilters, type LegendFilterNames } from '../../../src/dashboard/legend-filters.ts';
import { RESOURCE_TYPE_LABELS, RESOURCE_TYPES } from '../../../src/data/schema/index.ts';
import { THEME_FAMILY_LABELS } from '../../../src/data/waldec.ts';
import { funderViewMessages } from '../../../src/i18n/sections/funder-view.ts';

const names: LegendFilterNames = {
  funder: 'Financeur',
  types: 'Ressources',
  themes: 'Thèmes',
  resourceTypes: RESOURCE_TYPE_LABELS,
  themeFamilies: THEME_FAMILY_LABELS,
  line: funderViewMessages.fr.filterLine,
};

describe('legendFilters(view, names)', () => {
  it('says nothing when the map shows everything', () => {
    expect(legendFilters({ funderName: null, types: [], families: [] }, names)).toEqual([]);
  });

  it('names the funder first, then resources and themes in the order of their lists', () => {
    expect(
      legendFilters(
        { funderName: 'Département d’Essai', types: ['vehicule', 'locaux'], families: ['social', 'sport'] },
        names,
      ),
    ).toEqual([
      'Financeur : Département d’Essai',
      'Ressources : Locaux, Véhicules',
      'Thèmes : Sport, plein air, Social, santé, solidarité',
    ]);
  });

  it('leaves out a list where every value is kept, and values it does not know', () => {
    expect(
      legendFilters(
        { funderName: null, types: [...RESOURCE_TYPES], families: ['culture', 'inconnu'] },
        names,
      ),
    ).toEqual(['Thèmes : Culture, patrimoine']);
    expect(legendFilters({ funderName: null, types: [], families: ['inconnu'] }, names)).toEqual([]);
  });

  it('names the quality tier last when not every exchange is kept', () => {
    expect(
      legendFilters(
        { funderName: null, types: ['locaux'], families: [], quality: 'échanges vérifiés seulement' },
        { ...names, quality: 'Qualité des données' },
      ),
    ).toEqual(['Ressources : Locaux', 'Qualité des données : échanges vérifiés seulement']);
    expect(
      legendFilters(
        { funderName: null, types: [], families: [], quality: null },
        { ...names, quality: 'Qualité des données' },
      ),
    ).toEqual([]);
  });

  it('writes the English colon', () => {
    expect(
      legendFilters(
        { funderName: 'Test Fund', types: [], families: [] },
        { ...names, funder: 'Funder', line: funderViewMessages.en.filterLine },
      ),
    ).toEqual(['Funder: Test Fund']);
  });
});
