import { describe, expect, it } from 'vitest';

import {
  coefficientOf,
  coefficientsOf,
  coefficientValue,
  indicatorsOf,
  inlineText,
  parseChangelog,
} from '../../../src/components/method/method-v2.ts';

describe('indicatorsOf(ids)', () => {
  it('gives the indicators in the order asked', () => {
    expect(indicatorsOf(['bilan-co2', 'cout-evite-net']).map((i) => i.id)).toEqual([
      'bilan-co2',
      'cout-evite-net',
    ]);
  });

  it('refuses an id no indicator has, so the page never links nowhere', () => {
    expect(() => indicatorsOf(['valeur-totale'])).toThrow('unknown indicator: valeur-totale');
  });
});

describe('coefficients of the page', () => {
  it('reads a parameter’s coefficients in file order and a coefficient by id', () => {
    expect(coefficientsOf('facteur_donnee').map((c) => c.cle)).toEqual(['declare', 'confirme', 'verifie']);
    expect(coefficientOf('substitution.non')).toMatchObject({ bas: 0, central: 0, haut: 0.2 });
    expect(() => coefficientsOf('nothing')).toThrow('No coefficient for parameter nothing');
    expect(() => coefficientOf('nothing.here')).toThrow('No coefficient nothing.here');
  });

  it('writes a value with its own decimals, as the coefficient table does', () => {
    expect(coefficientValue(0.85, 'fr')).toBe('0,85');
    expect(coefficientValue(0.85, 'en')).toBe('0.85');
    expect(coefficientValue(1, 'fr')).toBe('1');
    expect(coefficientValue(1500, 'en')).toBe('1,500');
  });
});

describe('inlineText(line)', () => {
  it('sets code apart and reduces links and emphasis to their words', () => {
    expect(inlineText('`a_b` est **renommé** en *c*, voir [la note](https://x.fr).')).toEqual([
      { code: 'a_b' },
      ' est renommé en c, voir la note (https://x.fr).',
    ]);
  });
});

describe('parseChangelog(markdown)', () => {
  it('reads headings, lists, tables and paragraphs, without the file’s title', () => {
    const markdown = [
      '# Journal',
      '',
      'Le fichier porte la version ;',
      'elle est affichée.',
      '',
      '## 2.0.0 — 26 novembre 2026',
      '',
      '- `x` renommé',
      '  en `y`.',
      '- Deuxième point.',
      '',
      '| Coefficient | Pourquoi |',
      '| ----------- | :------: |',
      '| `a`         | Parce que. |',
      '',
      '### Non vérifié',
      'Fin.',
    ].join('\n');
    expect(parseChangelog(markdown)).toEqual([
      { kind: 'paragraph', text: ['Le fichier porte la version ; elle est affichée.'] },
      { kind: 'heading', level: 2, text: ['2.0.0 — 26 novembre 2026'] },
      {
        kind: 'list',
        items: [[{ code: 'x' }, ' renommé en ', { code: 'y' }, '.'], ['Deuxième point.']],
      },
      { kind: 'table', header: [['Coefficient'], ['Pourquoi']], rows: [[[{ code: 'a' }], ['Parce que.']]] },
      { kind: 'heading', level: 3, text: ['Non vérifié'] },
      { kind: 'paragraph', text: ['Fin.'] },
    ]);
  });
});
