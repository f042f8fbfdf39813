import { describe, expect, it } from 'vitest';

import { COEFFICIENTS } from '../../../src/data/method/coefficients.ts';
import { methodHref, methodPageHref } from '../../../src/i18n/format-indicator.ts';
import {
  coefficientApplicationEn,
  coefficientLabelEn,
  coefficientNoteEn,
  coefficientUnitEn,
} from '../../../src/i18n/sections/method-coefficients.ts';
import { PART_LABELS_EN } from '../../../src/i18n/sections/method-parts.ts';
import { PART_IDS } from '../../../src/indicators/method/parts.ts';
import { INDICATORS, indicatorById } from '../../../src/indicators/registry.ts';

const LANGUAGES = ['fr', 'en'] as const;

describe('indicator definitions (shown in place and on the method page)', () => {
  it.each(INDICATORS.map((i) => [i.id, i] as const))(
    '%s has a label, unit, formula and reading in French and English',
    (_, indicator) => {
      for (const lang of LANGUAGES) {
        for (const field of ['label', 'unit', 'formula', 'reading'] as const) {
          expect(indicator[field][lang].trim(), `${field}.${lang}`).not.toBe('');
        }
        if (indicator.caveats) expect(indicator.caveats[lang].trim(), `caveats.${lang}`).not.toBe('');
      }
      // A reading says how to read the value, not the formula again.
      expect(indicator.reading.fr).not.toBe(indicator.formula.fr);
      expect(indicator.reading.en).not.toBe(indicator.formula.en);
    },
  );

  it('says what the sign of a balance means', () => {
    const balance = indicatorById('bilan-co2');
    expect(balance?.reading.fr).toMatch(/^Positif\u00a0: .*\u00a0; négatif\u00a0: /);
    expect(balance?.reading.en).toMatch(/^Positive: .*; negative: /);
  });
});

describe('the English method page’s texts', () => {
  it('has an English label for every part', () => {
    for (const id of PART_IDS) expect(PART_LABELS_EN[id]?.trim(), id).toBeTruthy();
  });

  it('says in English which values apply to which period', () => {
    expect(coefficientApplicationEn(COEFFICIENTS.application)).toMatch(
      /^Legal values and prices are those of 1 January 2026/,
    );
    expect(coefficientApplicationEn('autre chose')).toBe(null);
  });

  it('has an English label and note for every coefficient', () => {
    for (const c of COEFFICIENTS.coefficients) {
      expect(coefficientLabelEn(c), c.id).toBeTruthy();
      if (c.note) expect(coefficientNoteEn(c.note), c.id).toBeTruthy();
    }
    expect(coefficientLabelEn({ ...COEFFICIENTS.coefficients[0]!, id: 'unknown', parametre: 'x' })).toBe(
      null,
    );
  });

  it('writes units in English', () => {
    expect(coefficientUnitEn('kgCO₂e/véh·km')).toBe('kgCO₂e/veh·km');
    expect(coefficientUnitEn('€/unité/jour')).toBe('€/unit/day');
    expect(coefficientUnitEn('€/ETP/an')).toBe('€/FTE/year');
    expect(coefficientUnitEn('jours')).toBe('days');
    expect(coefficientUnitEn('sans unité')).toBe('no unit');
    expect(coefficientUnitEn('kgCO₂e/m²/an')).toBe('kgCO₂e/m²/year');
  });
});

describe('methodHref(baseUrl, id, lang)', () => {
  it('links the method page in the page’s language, with the same anchor', () => {
    expect(methodHref('/', 'bilan-co2')).toBe('/methode/#bilan-co2');
    expect(methodHref('/', 'bilan-co2', 'en')).toBe('/en/method/#bilan-co2');
    expect(methodPageHref('/symbiose', 'en')).toBe('/symbiose/en/method/');
    expect(methodPageHref('/symbiose/', 'fr')).toBe('/symbiose/methode/');
  });
});
