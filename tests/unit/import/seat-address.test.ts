import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  normaliseSeat,
  seatKey,
  seatLabel,
  VAGUE_REASONS,
  type SeatFields,
  type SeatOutcome,
} from '../../../src/import/seat-address.ts';
import { parseStreetLine, streetTypeOfCode } from '../../../src/import/seat-line.ts';
import { SHARED_SEAT_RULES } from '../../../src/indicators/method/shared-seat-rules.ts';

const BELFORT = { code: '90010', nom: 'Belfort' };
const GUERET = { code: '23096', nom: 'Guéret' };

const place = (fields: SeatFields, commune = BELFORT) => {
  const outcome = normaliseSeat(fields, commune);
  if (!outcome.ok) throw new Error(`expected a place, got ${outcome.reason}`);
  return outcome;
};
const reason = (fields: SeatFields, commune = BELFORT) => {
  const outcome: SeatOutcome = normaliseSeat(fields, commune);
  return outcome.ok ? `place ${outcome.normalised}` : outcome.reason;
};

describe('parseStreetLine(text)', () => {
  it('reads number, repetition index, street type and name from one free-text line', () => {
    const line = parseStreetLine('12 bis rue de la Gare');
    expect([line.number, line.rep, line.type?.id, line.name.map((t) => t.raw).join(' ')]).toEqual([
      '12',
      'b',
      'rue',
      'de la Gare',
    ]);
  });

  it('splits a glued index, drops leading zeros, keeps the first number of a range', () => {
    const read = (text: string) => {
      const line = parseStreetLine(text);
      return `${line.number}${line.rep}|${line.type?.id ?? ''}`;
    };
    expect(
      ['12B rue X', '012 ter av. X', '27-29 BD X', '1 et 3 place X', '0 rue X', '3 A rue X'].map(read),
    ).toEqual(['12b|rue', '12t|avenue', '27|boulevard', '1|place', '|rue', '3a|rue']);
    // A glued « E » reads like an ordinal to the tokenizer; the number still takes it as its index.
    expect(read('12E rue X')).toBe('12e|rue');
  });

  it('does not take a date in a street name for a house number (« 8 Mai 1945 »)', () => {
    const line = parseStreetLine('8 Mai 1945');
    expect([line.number, line.type, line.name.length]).toEqual(['', null, 3]);
  });

  it('knows the register’s own type codes, including truncated ones', () => {
    expect(
      ['CHEM1', 'GRAN4', 'GRAN3', 'G...', 'HAME1', 'ESPL1', 'AV', 'LD', 'RUES', 'XYZ9', ''].map(
        (code) => streetTypeOfCode(code)?.id ?? null,
      ),
    ).toEqual([
      'chemin',
      'grande rue',
      'grande rue',
      'grande rue',
      'hameau',
      'esplanade',
      'avenue',
      'lieu dit',
      'rue',
      null,
      null,
    ]);
  });
});

describe('normaliseSeat(fields, commune): one text per place', () => {
  it('writes « 12 rue de la Gare » the same whatever the case, accents, punctuation, abbreviation or field split', () => {
    const variants: SeatFields[] = [
      { adrs_numvoie: '12', adrs_typevoie: 'RUE', adrs_libvoie: 'DE LA GARE', adrs_distrib: '_' },
      { adrs_libvoie: '12 r. de la gare' },
      { adrs_numvoie: '12,', adrs_libvoie: 'Rue de la Gâre.' },
      { adrs_numvoie: '012', adrs_typevoie: 'RUE', adrs_libvoie: 'de la  Gare' },
      { adrs_numvoie: '12', adrs_typevoie: 'RUE', adrs_libvoie: 'rue de la Gare' },
      { adr1: 'Chez Mme Martin', adr2: '12, RUE DE LA GARE' },
    ];
    expect(new Set(variants.map((fields) => place(fields).normalised))).toEqual(
      new Set(['90010|adresse|12|rue|gare']),
    );
  });

  it('keeps apart a repetition index, another street type, another commune', () => {
    expect(
      [
        place({ adrs_numvoie: '12B', adrs_typevoie: 'RUE', adrs_libvoie: 'de la Gare' }),
        place({ adrs_numvoie: '12', adrs_repetition: 'B', adrs_typevoie: 'R', adrs_libvoie: 'Gare' }),
        place({ adrs_numvoie: '12', adrs_libvoie: 'bis rue de la Gare' }),
        place({ adrs_numvoie: '12', adrs_typevoie: 'AV', adrs_libvoie: 'de la Gare' }),
        place({ adrs_numvoie: '12', adrs_typevoie: 'RUE', adrs_libvoie: 'de la Gare' }, GUERET),
      ].map((p) => p.normalised),
    ).toEqual([
      '90010|adresse|12b|rue|gare',
      '90010|adresse|12b|rue|gare',
      '90010|adresse|12b|rue|gare',
      '90010|adresse|12|avenue|gare',
      '23096|adresse|12|rue|gare',
    ]);
  });

  it('unifies abbreviated titles and numbers in words in street names', () => {
    const a = place({ adrs_numvoie: '44', adrs_typevoie: 'RUE', adrs_libvoie: 'du Dr Jacquot' });
    const b = place({ adrs_numvoie: '44', adrs_typevoie: 'RUE', adrs_libvoie: 'du Docteur Jacquot' });
    const c = place({ adrs_numvoie: '14', adrs_typevoie: 'RUE', adrs_libvoie: 'des 5 Frères Jardot' });
    const d = place({ adrs_numvoie: '14', adrs_typevoie: 'RUE', adrs_libvoie: 'des Cinq Frères Jardot' });
    expect([a.normalised === b.normalised, c.normalised, c.normalised === d.normalised]).toEqual([
      true,
      '90010|adresse|14|rue|cinq freres jardot',
      true,
    ]);
  });

  it('reads « Grande Rue » from the GRAN4 code, from the name, or both', () => {
    expect(
      [
        { adrs_numvoie: '18', adrs_typevoie: 'GRAN4' },
        { adrs_numvoie: '18', adrs_libvoie: 'Grande Rue' },
        { adrs_numvoie: '18', adrs_typevoie: 'RUE', adrs_libvoie: 'GRANDE RUE' },
        { adrs_libvoie: "18 Grand'Rue" },
      ].map((fields) => place(fields).normalised),
    ).toEqual(Array(4).fill('90010|adresse|18|grande rue|'));
  });

  it('takes the street from the text after « _ » in adrs_distrib when adrs_libvoie is empty', () => {
    expect(place({ adrs_numvoie: '9', adrs_typevoie: 'RUE', adrs_distrib: '_Kléber' }).normalised).toBe(
      '90010|adresse|9|rue|kleber',
    );
    expect(place({ adrs_distrib: '_18 rue de Verdun' }).label).toBe('18 rue de Verdun');
  });

  it('makes a public venue the place, whatever street is written with it', () => {
    const mairie = [
      { adrs_complement: 'Mairie', adrs_distrib: '_' },
      {
        adrs_complement: 'MAIRIE DE BELFORT',
        adrs_numvoie: '1',
        adrs_typevoie: 'PL',
        adrs_libvoie: "d'Armes",
      },
      { adrs_typevoie: 'PL', adrs_libvoie: 'de la Mairie' },
      { adrs_libvoie: 'Hôtel de Ville' },
      {
        adrs_complement: 'Mairie - Château Kléber',
        adrs_numvoie: '3',
        adrs_typevoie: 'PL',
        adrs_libvoie: 'X',
      },
      { adrs_complement: 'en Mairie', adrs_distrib: '_' },
      { adr1: 'Mairie' },
    ].map((fields) => place(fields));
    expect(new Set(mairie.map((p) => `${p.kind} ${p.normalised} ${p.label}`))).toEqual(
      new Set(['venue 90010|lieu|mairie| Mairie']),
    );
    // The numbered address given with the venue is an alias of it (joined by the tally).
    expect(mairie[1]?.aliases).toEqual(['90010|adresse|1|place|armes']);
  });

  it('keeps apart another commune’s town hall, an annex, and the house of associations', () => {
    expect(
      [
        { adrs_complement: 'Mairie de Bavilliers' },
        { adrs_complement: 'Mairie annexe' },
        {
          adrs_complement: 'Cité des Associations',
          adrs_numvoie: '2',
          adrs_typevoie: 'RUE',
          adrs_libvoie: 'Melville',
        },
        { adrs_complement: 'Maison du Peuple - salle 21' },
      ].map((fields) => `${place(fields).normalised} / ${place(fields).label}`),
    ).toEqual([
      '90010|lieu|mairie|bavilliers / Mairie (Bavilliers)',
      '90010|lieu|mairie|annexe / Mairie (annexe)',
      '90010|lieu|maison des associations| / Maison des associations',
      '90010|lieu|maison du peuple| / Maison du peuple',
    ]);
  });

  it('names a building with its street when there is no number, and a single site alone', () => {
    const building = place({
      adrs_complement: 'Centre Atria',
      adrs_typevoie: 'AV',
      adrs_libvoie: "de l'Espérance",
    });
    const numbered = place({
      adrs_complement: 'Centre ATRIA - 3ème étage',
      adrs_numvoie: '1',
      adrs_typevoie: 'AV',
      adrs_libvoie: "de l'Espérance",
    });
    const mill = place({ adrs_typevoie: 'MOUL1', adrs_libvoie: 'du Pont' });
    expect([building.kind, building.normalised, building.label]).toEqual([
      'building',
      '90010|batiment||avenue|esperance|centre atria',
      "Centre Atria, avenue de l'Espérance",
    ]);
    // The numbered row links its address to the same building.
    expect([numbered.kind, numbered.normalised, numbered.aliases]).toEqual([
      'address',
      '90010|adresse|1|avenue|esperance',
      ['90010|batiment||avenue|esperance|centre atria'],
    ]);
    expect([mill.kind, mill.normalised, mill.label]).toEqual([
      'site',
      '90010|adresse||moulin|pont',
      'Moulin du Pont',
    ]);
  });

  it('keys a lieu-dit with a number, with or without its LD code', () => {
    expect([
      place({ adrs_numvoie: '3', adrs_typevoie: 'LD', adrs_libvoie: 'Les Salles' }, GUERET).normalised,
      place({ adrs_numvoie: '3', adrs_libvoie: 'les salles' }, GUERET).normalised,
      place({ adrs_numvoie: '3', adrs_libvoie: 'Le Bourg' }, GUERET).normalised,
      place({ adrs_numvoie: '3', adrs_typevoie: 'BOUR' }, GUERET).normalised,
    ]).toEqual([
      '23096|adresse|3||salles',
      '23096|adresse|3||salles',
      '23096|adresse|3||bourg',
      '23096|adresse|3||bourg',
    ]);
  });
});

describe('normaliseSeat(fields, commune): too vague to count', () => {
  it('gives one reason per kind of vagueness', () => {
    expect([
      reason({}),
      reason({ adrs_distrib: '_' }),
      reason({ adrs_libvoie: '_' }),
      reason({ adrs_libvoie: 'NC', adrs_complement: 'inconnu' }),
      reason({ adrs_distrib: 'BP 60539_' }),
      reason({ adrs_libvoie: 'BP 12' }),
      reason({ adrs_distrib: '_CS 50199' }),
      reason({ adrs_libvoie: 'Belfort' }),
      reason({ adrs_libvoie: 'GUERET' }, GUERET),
      reason({ adrs_libvoie: 'Le Bourg' }, GUERET),
      reason({ adrs_libvoie: 'Saint Pierre de Fursac', adrs_libcommune: 'Saint-Pierre-de-Fursac' }, GUERET),
      reason({ adrs_typevoie: 'LD', adrs_libvoie: 'Les Salles' }),
      reason({ adrs_libvoie: 'La Villatte' }),
      reason({ adrs_typevoie: 'HAME1', adrs_libvoie: 'de la Dame' }),
      reason({ adrs_typevoie: 'RUE', adrs_libvoie: 'du Stade' }),
      reason({ adrs_typevoie: 'RUE', adrs_libvoie: '8 Mai 1945' }),
      reason({ adrs_numvoie: '21', adrs_typevoie: 'RUE' }),
      reason({ adrs_complement: 'Chez M. Jean DUPONT' }),
      reason({ adrs_complement: '1er étage' }),
    ]).toEqual([
      'no-street',
      'no-street',
      'placeholder',
      'placeholder',
      'postal-box',
      'postal-box',
      'postal-box',
      'commune-name',
      'commune-name',
      'commune-name',
      'commune-name',
      'lieu-dit',
      'lieu-dit',
      'lieu-dit',
      'no-number',
      'no-number',
      'no-street',
      'no-street',
      'no-street',
    ]);
  });

  it('ignores a postal box given beside a real address', () => {
    expect(
      reason({
        adrs_numvoie: '1',
        adrs_typevoie: 'RUE',
        adrs_libvoie: 'du Docteur Fréry',
        adrs_distrib: 'BP199_',
      }),
    ).toBe('place 90010|adresse|1|rue|docteur frery');
  });

  it('explains every reason in French and English', () => {
    for (const sentences of Object.values(VAGUE_REASONS))
      expect([sentences.fr.length > 20, sentences.en.length > 20]).toEqual([true, true]);
    expect(Object.keys(VAGUE_REASONS).sort()).toEqual(
      ['commune-name', 'lieu-dit', 'no-number', 'no-street', 'placeholder', 'postal-box'].sort(),
    );
  });
});

describe('seatKey(normalised) and seatLabel(fields, commune)', () => {
  it('is the first 16 hex characters of the SHA-256 of the text, never the address', () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2, appendix B.1).
    expect(seatKey('abc')).toBe('ba7816bf8f01cfea');
    expect(seatKey('bc', 'a')).toBe('ba7816bf8f01cfea');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const key = seatKey(text);
        return /^[0-9a-f]{16}$/.test(key) && key === seatKey(text);
      }),
    );
  });

  it('labels a place as written, capitals set in title case, and nothing for a vague seat', () => {
    expect([
      seatLabel(
        { adrs_numvoie: '12', adrs_repetition: 'B', adrs_typevoie: 'RUE', adrs_libvoie: 'DE LA GARE' },
        BELFORT,
      ),
      seatLabel({ adrs_typevoie: 'PL', adrs_libvoie: "D'ARMES", adrs_complement: 'Hôtel de Ville' }, BELFORT),
      seatLabel({ adrs_numvoie: '4', adrs_typevoie: 'ALL', adrs_libvoie: 'des Tilleuls' }, BELFORT),
      seatLabel({ adrs_libvoie: 'La Villatte' }, BELFORT),
    ]).toEqual(['12 bis rue de la Gare', 'Mairie', '4 allée des Tilleuls', null]);
  });
});

describe('normaliseSeat properties', () => {
  const word = fc.constantFrom(
    'Gare',
    'Église',
    'Château',
    'République',
    'Général Leclerc',
    'Écoles',
    'Moulin',
    'Forêt',
  );
  const article = fc.constantFrom('de la ', 'du ', 'des ', "de l'", '');

  it('gives the same text whatever the case, accents, spacing and comma of a numbered street', () => {
    const plain = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        article,
        word,
        fc.constantFrom('RUE', 'AV', 'BD', 'PL', 'CHEM1'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (number, art, name, code, upper, unaccented, comma) => {
          const base = place({
            adrs_numvoie: String(number),
            adrs_typevoie: code,
            adrs_libvoie: `${art}${name}`,
          });
          let lib = `${art}${name}`;
          if (upper) lib = lib.toUpperCase();
          if (unaccented) lib = plain(lib);
          const variant = place({
            adrs_numvoie: `${comma ? '0' : ''}${number}${comma ? ',' : ''}`,
            adrs_typevoie: code,
            adrs_libvoie: `  ${lib.replace(/ /g, '  ')} `,
          });
          return (
            variant.normalised === base.normalised && base.normalised.startsWith(`90010|adresse|${number}|`)
          );
        },
      ),
    );
  });

  it('never returns a place whose text lacks the commune code', () => {
    const field = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(field, field, field, field, field, (complement, numvoie, typevoie, libvoie, distrib) => {
        const outcome = normaliseSeat(
          {
            adrs_complement: complement,
            adrs_numvoie: numvoie,
            adrs_typevoie: typevoie,
            adrs_libvoie: libvoie,
            adrs_distrib: distrib,
          },
          BELFORT,
        );
        return (
          !outcome.ok || [outcome.normalised, ...outcome.aliases].every((text) => text.startsWith('90010|'))
        );
      }),
    );
  });
});

describe('SHARED_SEAT_RULES', () => {
  it('has unique ids and a French and an English sentence for each rule, the privacy rule included', () => {
    const ids = SHARED_SEAT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SHARED_SEAT_RULES.every((rule) => rule.fr.length > 40 && rule.en.length > 40)).toBe(true);
    expect(ids).toEqual(
      expect.arrayContaining(['fold', 'street-type', 'number', 'key', 'vague', 'evidence', 'privacy']),
    );
  });
});
