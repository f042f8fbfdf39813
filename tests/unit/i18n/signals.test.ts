import { describe, expect, it } from 'vitest';

import { signalMessages } from '../../../src/i18n/sections/signals.ts';

const fr = signalMessages.fr;

describe('signalMessages', () => {
  it('labels the layers as signals, never as declared exchanges', () => {
    expect(fr.legendPlaces).toBe('Lieux partagés (≥ 3 associations) — signal, pas un échange déclaré');
    expect(fr.legendHubs).toBe('Structures faîtières');
  });

  it('says a place’s position is approximate, with its count and themes', () => {
    const themes = fr.themes([
      { label: 'Sport, plein air', count: '5' },
      { label: 'Culture, patrimoine', count: '4' },
    ]);
    expect(fr.placeTooltip('1 place de la Libération', '9', themes)).toBe(
      '1 place de la Libération — 9 associations (Sport, plein air : 5 ; Culture, patrimoine : 4) · position approchée',
    );
  });

  it('counts addresses shared by two associations without showing them', () => {
    expect(fr.pairs(0, '0')).toBe('Aucune adresse partagée par 2 associations seulement.');
    expect(fr.pairs(1, '1')).toBe('1 adresse partagée par 2 associations, non montrée');
    expect(fr.pairs(12, '12')).toBe('12 adresses partagées par 2 associations, non montrées');
  });

  it('has every text in English too', () => {
    expect(Object.keys(signalMessages.en).sort()).toEqual(Object.keys(fr).sort());
    expect(signalMessages.en.hubTooltip('Office municipal des sports', 'nom')).toBe(
      'Office municipal des sports — umbrella structure (found by its name)',
    );
  });
});
