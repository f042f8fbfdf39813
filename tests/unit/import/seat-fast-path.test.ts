/**
 * The seat normaliser's fast paths give what the slow definitions give: `foldText` (a table per
 * character) = `foldTextReference` (the regular expressions); `tokenize` with its cache = the
 * tokenizer as first written; `seatKey` from a hashed salt = SHA-256 of salt + text; a seat read
 * from the caches, whatever commune read it first = the same seat read afresh; the tally with
 * compact counts = the tally as first written (kept below as `ReferenceTally`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  normaliseSeat,
  seatKey,
  type SeatCommune,
  type SeatFields,
  type SeatKind,
  type SeatOutcome,
} from '../../../src/import/seat-address.ts';
import { forgetSeatReadings } from '../../../src/import/seat-cache.ts';
import {
  cutPostalBox,
  foldText,
  foldTextReference,
  isBuilding,
  tokenize,
  type Token,
} from '../../../src/import/seat-line.ts';
import { BUILDING_WORDS } from '../../../src/import/seat-street-types.ts';
import { SharedSeatTally, type SharedSeat } from '../../../src/import/seat-tally.ts';

/** Characters of French addresses and their traps: accents, ligatures, combining marks, signs, other scripts. */
const ADDRESS_CHARS = [
  ..."aAzZ09 _-.,;:/()'’`´^¨«»\t\n\r",
  ...'éÉèêëàâäçÇîïôöùûüÿœŒæÆßİıŉǅ',
  '\u0301',
  '\u0308',
  '\u00a0',
  '\u2019',
  '\u2013',
  '\u2060',
  '\u0000',
  '\u007f',
  'Σ',
  'ς',
  'Ⅻ',
  'ﬁ',
  '😀',
  '\ud83d',
  'ẞ',
];
const addressText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...ADDRESS_CHARS), maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);

describe('foldText(text)', () => {
  it('folds every character of its table as the reference does, alone and between letters', () => {
    const texts: string[] = [];
    for (const [from, to] of [
      [0x0000, 0x0250],
      [0x2000, 0x2070],
    ] as const)
      for (let code = from; code < to; code++) {
        const char = String.fromCharCode(code);
        texts.push(char, `a${char}b`, ` ${char}${char} `, `${char}\u0301`, `É${char}œ`);
      }
    expect(texts.filter((text) => foldText(text) !== foldTextReference(text))).toEqual([]);
  });

  it('gives the reference text for any string', () => {
    fc.assert(
      fc.property(addressText, (text) => {
        expect(foldText(text)).toBe(foldTextReference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds a few written forms by hand', () => {
    expect(
      ['Rue de la Gâre.', '  ŒUVRE  d’Æ ', 'Straße', 'a^b `c´', 'İle', '12–14', 'été\u0301'].map(foldText),
    ).toEqual(['rue de la gare', 'oeuvre d ae', 'strasse', 'ab c', 'ile', '12 14', 'ete']);
  });
});

/** The tokenizer as first written: the regular expressions, every word folded by the reference. */
function referenceTokenize(text: string): Token[] {
  const tidy = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[’`´]/g, "'")
    .replace(/[,;]/g, ' ')
    .replace(/(\d)(?!(?:er|re|ère|ere|e|eme|ème)\b)(\p{L})/gu, '$1 $2');
  const tokens: Token[] = [];
  for (const written of tidy.split(/\s+/)) {
    const raw = written.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '');
    const words = foldTextReference(raw).split(' ').filter(Boolean);
    if (words.length > 0) tokens.push({ raw, words });
  }
  return tokens;
}

const tokenLine = fc
  .array(
    fc.oneof(
      addressText,
      fc.constantFrom('bp', 'BP12', 'b p', 'CS', '5', 'tsa', 'Boîte', 'postale', 'cidex 3', 'Centre', 'sous'),
      fc.constantFrom('Préfecture', 'groupe scolaire', 'Maison', 'Jean', 'Cs12', 'TSA 4'),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(' '));

describe('tokenize(text) and the line readers', () => {
  it('gives the tokens of the tokenizer as first written, read once or again', () => {
    fc.assert(
      fc.property(tokenLine, (text) => {
        expect([tokenize(text), tokenize(text)]).toEqual([referenceTokenize(text), referenceTokenize(text)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds buildings and postal boxes as first written', () => {
    const referenceIsBuilding = (tokens: readonly Token[]) => {
      const words = tokens.flatMap((token) => token.words);
      return BUILDING_WORDS.has(words[0] ?? '') || BUILDING_WORDS.has(words.slice(0, 2).join(' '));
    };
    const referenceCut = (tokens: readonly Token[]) => {
      for (let i = 0; i < tokens.length; i++) {
        const words = (tokens[i] as Token).words;
        const next = tokens[i + 1];
        const digits = next !== undefined && next.words.every((word) => /^\d+$/.test(word));
        const glued = /^(bp|cs|tsa|cidex)\d+$/.test(words[0] ?? '');
        const alone = ['bp', 'cidex'].includes(words.join(' ')) || words.join(' ') === 'b p';
        const numbered = ['cs', 'tsa'].includes(words[0] ?? '') && (words.length > 1 || digits);
        const spelled = words.join(' ') === 'boite' && next?.words[0] === 'postale';
        if (glued || alone || numbered || spelled || (words[0] === 'bp' && /^\d/.test(words[1] ?? '')))
          return { tokens: tokens.slice(0, i), box: true };
      }
      return { tokens: [...tokens], box: false };
    };
    fc.assert(
      fc.property(tokenLine, (text) => {
        const tokens = tokenize(text);
        expect([isBuilding(tokens), cutPostalBox(tokens)]).toEqual([
          referenceIsBuilding(tokens),
          referenceCut(tokens),
        ]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('seatKey(normalised, salt)', () => {
  const reference = (text: string, salt: string) => bytesToHex(sha256(utf8ToBytes(salt + text))).slice(0, 16);

  it('is the SHA-256 of salt and text whatever the salt, switching salts back and forth', () => {
    const salt = fc.oneof(
      fc.constantFrom('', 'sel', 'x'.repeat(64), 'é'.repeat(40), 'a\ud83d', '\ud83d'),
      fc.string({ unit: 'binary', maxLength: 80 }),
    );
    const text = fc.oneof(addressText, fc.string({ unit: 'binary', maxLength: 150 }), fc.constant('\ude00z'));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, salt), { minLength: 1, maxLength: 6 }), (pairs) => {
        expect(pairs.map(([t, s]) => seatKey(t, s))).toEqual(pairs.map(([t, s]) => reference(t, s)));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Seat fields written from the pieces of real addresses, so that venues, lieux-dits and communes meet. */
const PIECES = [
  '12',
  '12B',
  '3 bis',
  '027',
  '1 et 3',
  'RUE',
  'R.',
  'de la',
  'Gare',
  'GÂRE',
  'Mairie',
  'MAIRIE DE',
  'de',
  'Belfort',
  'GUERET',
  'annexe',
  'Hôtel de Ville',
  'Maison des associations',
  'Le Bourg',
  'LD',
  'Les Salles',
  'Centre Atria',
  '3ème étage',
  'BP 12',
  'chez M.',
  '_',
  'NC',
  'PL',
  'Place',
  'St',
  'Grande Rue',
  'GRAN4',
  'CHEM1',
  'Siège social :',
  'en',
  'Stade',
  'Moulin du Pont',
  'La Villatte',
  'Saint-Pierre-de-Fursac',
];
const field = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((pieces) => pieces.join(' ')),
  addressText,
  fc.constant(undefined),
);
const seatFields: fc.Arbitrary<SeatFields> = fc.record(
  {
    adrs_complement: field,
    adrs_numvoie: field,
    adrs_repetition: fc.constantFrom(undefined, '', ' ', 'B', 'bis'),
    adrs_typevoie: field,
    adrs_libvoie: field,
    adrs_distrib: field,
    adrs_libcommune: fc.constantFrom(undefined, 'BELFORT', 'Guéret', 'SAINT PIERRE DE FURSAC CEDEX'),
    adr1: field,
    adr2: field,
    adr3: field,
    libcom: fc.constantFrom(undefined, 'LES SALLES'),
  },
  { requiredKeys: [] },
);
const COMMUNES: readonly SeatCommune[] = [
  { code: '90010', nom: 'Belfort' },
  { code: '23096', nom: 'Guéret' },
  { code: '23232', nom: 'Saint-Pierre-de-Fursac' },
  { code: '2A004', nom: 'Les Salles' },
  { code: '23099', nom: 'La Villatte' },
];
/** Rows that share seat fields between communes: each picks one of a few field sets and a commune. */
const seatRows = fc
  .tuple(
    fc.array(seatFields, { minLength: 1, maxLength: 5 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...COMMUNES)), { minLength: 1, maxLength: 20 }),
  )
  .map(([fields, picks]) =>
    picks.map(([pick, commune]) => [fields[pick % fields.length] as SeatFields, commune] as const),
  );

describe('normaliseSeat(fields, commune) from its caches', () => {
  it('gives each row what it gives read afresh, whatever commune read the same fields first', () => {
    fc.assert(
      fc.property(seatRows, (rows) => {
        const afresh = rows.map(([fields, commune]) => {
          forgetSeatReadings();
          return normaliseSeat(fields, commune);
        });
        forgetSeatReadings();
        const cached = [...rows, ...rows].map(([fields, commune]) => normaliseSeat(fields, commune));
        expect(cached).toEqual([...afresh, ...afresh]);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a seat of « Mairie de Belfort » as the town hall in Belfort and as another in Guéret', () => {
    const fields = { adrs_complement: 'MAIRIE DE BELFORT' };
    forgetSeatReadings();
    expect([
      normaliseSeat(fields, COMMUNES[0] as SeatCommune),
      normaliseSeat(fields, COMMUNES[1] as SeatCommune),
    ]).toEqual([
      { ok: true, kind: 'venue', normalised: '90010|lieu|mairie|', label: 'Mairie', aliases: [] },
      {
        ok: true,
        kind: 'venue',
        normalised: '23096|lieu|mairie|belfort',
        label: 'Mairie (Belfort)',
        aliases: [],
      },
    ]);
  });
});

/** The tally as first written (string entries in maps, every entry grouped at the end): the reference. */
class ReferenceTally {
  readonly #counts = new Map<string, number>();
  readonly #labels = new Map<string, { readonly label: string; readonly rank: number }>();
  readonly #parent = new Map<string, string>();
  readonly #rank: Readonly<Record<SeatKind, number>> = { venue: 0, building: 1, site: 2, address: 3 };

  add(code: string, outcome: SeatOutcome): void {
    if (!outcome.ok) return;
    const entry = `${code} ${seatKey(outcome.normalised)}`;
    const count = (this.#counts.get(entry) ?? 0) + 1;
    this.#counts.set(entry, count);
    if (count === 3 || (outcome.aliases.length > 0 && !this.#labels.has(entry)))
      this.#labels.set(entry, { label: outcome.label, rank: this.#rank[outcome.kind] });
    for (const alias of outcome.aliases) this.#join(entry, `${code} ${seatKey(alias)}`);
  }

  places(): SharedSeat[] {
    const groups = new Map<string, string[]>();
    for (const entry of new Set([...this.#counts.keys(), ...this.#parent.keys()])) {
      const root = this.#root(entry);
      groups.set(root, [...(groups.get(root) ?? []), entry]);
    }
    const places: SharedSeat[] = [];
    for (const members of groups.values()) {
      const count = members.reduce((sum, entry) => sum + (this.#counts.get(entry) ?? 0), 0);
      if (count < 2) continue;
      const split = members.map((entry) => entry.split(' ') as [string, string]);
      const keys = split.map(([, key]) => key).sort();
      const labels = members
        .flatMap((entry) => this.#labels.get(entry) ?? [])
        .sort((a, b) => a.rank - b.rank);
      const label = count >= 3 ? (labels[0]?.label ?? null) : null;
      places.push({ key: keys[0] ?? '', keys, commune_code: split[0]?.[0] ?? '', label, count });
    }
    return places.sort(
      (a, b) =>
        b.count - a.count || a.commune_code.localeCompare(b.commune_code) || a.key.localeCompare(b.key),
    );
  }

  #root(entry: string): string {
    let root = entry;
    for (let up = this.#parent.get(root); up !== undefined; up = this.#parent.get(root)) root = up;
    return root;
  }

  #join(a: string, b: string): void {
    const [ra, rb] = [this.#root(a), this.#root(b)];
    if (ra !== rb) this.#parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

describe('SharedSeatTally with compact counts', () => {
  /** Outcomes among a few places, some naming their place two ways (aliases), so that places join. */
  const text = fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6');
  const outcome: fc.Arbitrary<SeatOutcome> = fc.oneof(
    fc.record({
      ok: fc.constant(true as const),
      kind: fc.constantFrom<SeatKind>('venue', 'address', 'site', 'building'),
      normalised: text,
      label: fc.constantFrom('A', 'B', 'C'),
      aliases: fc.array(text, { maxLength: 2 }),
    }),
    fc.constant<SeatOutcome>({ ok: false, reason: 'no-street' }),
  );
  const rows = fc.array(fc.tuple(fc.constantFrom('90010', '23096', '2A004'), outcome), { maxLength: 40 });

  it('finds the places, keys, labels and counts of the reference tally, keys given or not', () => {
    fc.assert(
      fc.property(rows, (added) => {
        const [reference, tally, keyed] = [
          new ReferenceTally(),
          new SharedSeatTally(),
          new SharedSeatTally(),
        ];
        for (const [code, seat] of added) {
          reference.add(code, seat);
          tally.add(code, seat);
          keyed.add(code, seat, seat.ok ? seatKey(seat.normalised) : undefined);
        }
        expect([tally.places(), keyed.places()]).toEqual([reference.places(), reference.places()]);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts many places (its index grown many times) and gives the shared ones back', () => {
    const tally = new SharedSeatTally();
    const place = (n: number): SeatOutcome => ({
      ok: true,
      kind: 'address',
      normalised: `90010|adresse|${n}|rue|x`,
      label: `${n} rue X`,
      aliases: [],
    });
    for (let n = 0; n < 100_000; n++) tally.add('90010', place(n), seatKey(`90010|adresse|${n}|rue|x`));
    for (let n = 0; n < 3; n++) tally.add('90010', place(7));
    expect(tally.places()).toEqual([
      {
        key: seatKey('90010|adresse|7|rue|x'),
        keys: [seatKey('90010|adresse|7|rue|x')],
        commune_code: '90010',
        label: '7 rue X',
        count: 4,
      },
    ]);
  });
});
