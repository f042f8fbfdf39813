import { describe, expect, it } from 'vitest';

import { methodV2FigureMessages } from '../../../src/i18n/sections/method-v2-figures.ts';
import { QUALITY_TIERS } from '../../../src/indicators/filters.ts';

const { fr, en } = methodV2FigureMessages;

describe('texts of the method v2 figures', () => {
  it('names every quality tier in both languages, as the filter offers them', () => {
    expect(Object.keys(fr.qualityOptions)).toEqual([...QUALITY_TIERS]);
    expect(Object.keys(en.qualityOptions)).toEqual([...QUALITY_TIERS]);
    expect(Object.values(fr.qualityOptions)).toEqual([
      'Tous les échanges déclarés',
      'Confirmés par le partenaire ou vérifiés',
      'Vérifiés par le coordinateur seulement',
    ]);
    expect(Object.values(en.qualityOptions)).toEqual([
      'All declared exchanges',
      'Confirmed by the partner or verified',
      'Verified by the coordinator only',
    ]);
    expect(Object.keys(en)).toEqual(Object.keys(fr));
  });

  it('words the decomposition’s details and the split by tier', () => {
    expect(fr.volunteerHint('28 414')).toBe('28 414 h · valorisation conventionnelle, pas une économie');
    expect(fr.staffHint('166 160 €')).toBe('au coût, dont refacturé 166 160 €');
    expect(fr.marketHint('846', '2 558')).toBe('telles que déclarées, par 846 échanges sur 2 558');
    expect(fr.tierSplit('2 558', '0', '2 558')).toBe(
      '2 558 échanges, dont 0 confirmés par le partenaire et 2 558 vérifiés par le coordinateur.',
    );
    expect(en.methodVersion('2.0.0')).toBe('Symbiose method v2.0.0');
    expect(fr.methodVersion('2.0.0')).toBe('Méthode Symbiose v2.0.0');
  });
});
