import { describe, expect, it } from 'vitest';

import { COEFFICIENTS } from '../../../src/data/method/coefficients.ts';
import { parameterLabel, sensitivityMessages } from '../../../src/i18n/sections/sensitivity.ts';
import { SWUNG_BY_KEY } from '../../../src/indicators/method/sensitivity.ts';

const PARAMETERS = [...new Set(COEFFICIENTS.coefficients.map((c) => c.parametre))].sort();

describe('labels of the coefficient parameters (sensitivity)', () => {
  it.each(['fr', 'en'] as const)('names every parametre of coefficients.json in %s', (lang) => {
    const labels = sensitivityMessages[lang].parameters;
    const missing = PARAMETERS.filter((p) => !labels[p]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('names no parametre the file does not have (%s)', (lang) => {
    expect(Object.keys(sensitivityMessages[lang].parameters).sort()).toEqual(PARAMETERS);
  });

  it('gives each parametre its own label, in each language', () => {
    for (const lang of ['fr', 'en'] as const) {
      const labels = PARAMETERS.map((p) => sensitivityMessages[lang].parameters[p]);
      expect(new Set(labels).size).toBe(PARAMETERS.length);
    }
  });

  it('reads the labels the brief names, and falls back to the code of an unknown parametre', () => {
    const fr = sensitivityMessages.fr;
    expect(parameterLabel(fr, 'substitution')).toBe('Aurait acheté sans l’échange (part substituée)');
    expect(parameterLabel(fr, 'facteur_donnee')).toBe('Qualité des données (déclaré / confirmé / vérifié)');
    expect(parameterLabel(fr, 'location_jour')).toBe('Prix de location par jour');
    expect(parameterLabel(sensitivityMessages.en, 'location_jour')).toBe('Rental price per day');
    expect(parameterLabel(fr, 'parametre_inconnu')).toBe('parametre_inconnu');
  });

  it.each(['fr', 'en'] as const)('names each key of a parameter swung key by key (%s)', (lang) => {
    const keys = COEFFICIENTS.coefficients.filter((c) => SWUNG_BY_KEY.includes(c.parametre)).map((c) => c.id);
    expect(keys.filter((id) => !sensitivityMessages[lang].keys[id]?.trim())).toEqual([]);
    expect(Object.keys(sensitivityMessages[lang].keys).sort()).toEqual([...keys].sort());
  });

  it('labels a key swing with its parameter and its key', () => {
    expect(parameterLabel(sensitivityMessages.fr, 'substitution.inconnu')).toBe(
      'Aurait acheté sans l’échange (part substituée) — sans réponse',
    );
    expect(parameterLabel(sensitivityMessages.en, 'facteur_donnee.declare')).toBe(
      'Data quality (declared / confirmed / verified) — declared exchanges',
    );
  });
});
