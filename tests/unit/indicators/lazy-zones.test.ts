import { describe, expect, it } from 'vitest';

import { columnParts } from '../../../src/indicators/column-parts.ts';
import { evaluate, withValues } from '../../../src/indicators/indicator-table.ts';
import { lazyRecord } from '../../../src/indicators/lazy-record.ts';
import { PART_IDS, type PartId } from '../../../src/indicators/method/parts.ts';
import { INDICATORS } from '../../../src/indicators/registry.ts';
import type { ZoneParts } from '../../../src/indicators/roll-up.ts';

/*
 * Zones' parts read in place from columns, and values derived when read, answer exactly what the
 * plain records they replace answered.
 */

describe('lazyRecord', () => {
  const keys = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('computes an entry when first read, once, null included', () => {
    const calls: string[] = [];
    const record = lazyRecord(keys, (key) => {
      calls.push(key.id);
      return key.id === 'b' ? null : key.id.toUpperCase();
    });
    expect(calls).toEqual([]);
    expect(record['c']).toBe('C');
    expect(record['b']).toBeNull();
    expect([record['c'], record['b'], record['a']]).toEqual(['C', null, 'A']);
    expect(calls).toEqual(['c', 'b', 'a']);
  });

  it('answers its keys alone: nothing inherited, an unknown id is undefined', () => {
    const record = lazyRecord(keys, (key) => key.id);
    expect('a' in record).toBe(true);
    expect('toString' in record).toBe(false);
    expect(record['toString']).toBeUndefined();
    expect(record['d']).toBeUndefined();
  });

  it('is written by JSON.stringify as the plain record, every entry computed', () => {
    const record = lazyRecord(keys, (key) => (key.id === 'b' ? null : key.id.toUpperCase()));
    expect(JSON.stringify(record)).toBe(JSON.stringify({ a: 'A', b: null, c: 'C' }));
    expect(Object.keys(record)).toEqual([]);
  });

  it('keeps each record’s own entries apart when records share their keys', () => {
    const first = lazyRecord(keys, (key) => `1${key.id}`);
    const second = lazyRecord(keys, (key) => `2${key.id}`);
    expect([first['a'], second['a'], first['b'], second['b']]).toEqual(['1a', '2a', '1b', '2b']);
  });
});

/** Parts of three zones as plain records, with nulls and a part whose scenarios differ. */
function plainParts(zone: number): ZoneParts {
  return Object.fromEntries(
    PART_IDS.map((id, p) => {
      const value = (zone + p) % 7 === 0 ? null : (zone + 1) * (p + 1);
      return [id, { bas: value === null ? null : value - zone, central: value, haut: value }];
    }),
  ) as ZoneParts;
}

/** A column as the first view file stores it: floats, NaN for null. */
const stored = (values: readonly (number | null)[]) => Float64Array.from(values, (v) => v ?? Number.NaN);

describe('columnParts', () => {
  const zones = [0, 1, 2].map(plainParts);
  const columns = new Map(
    PART_IDS.map((id: PartId) => [
      id,
      {
        bas: stored(zones.map((z) => z[id].bas)),
        central: stored(zones.map((z) => z[id].central)),
        haut: stored(zones.map((z) => z[id].haut)),
      },
    ]),
  );
  const partsAt = columnParts(columns);

  it('reads every part of every zone, in every scenario, as the plain record', () => {
    zones.forEach((plain, index) => {
      const parts = partsAt(index);
      for (const id of PART_IDS) expect(parts[id], `${id} of zone ${index}`).toEqual(plain[id]);
    });
    // Nulls (NaN in the columns) read as nulls, not zeros (zone 0, part 0: (0 + 0) % 7 === 0).
    expect(partsAt(0)[PART_IDS[0] as PartId]).toEqual({ bas: null, central: null, haut: null });
  });

  it('is written by JSON.stringify as the plain record (a key made of the parts)', () => {
    zones.forEach((plain, index) => {
      expect(JSON.stringify(partsAt(index))).toBe(JSON.stringify(plain));
    });
  });

  it('gives every indicator the value the plain record gives', () => {
    const plain = withValues(
      zones.map((parts, i) => ({ zone: `z${i}`, zone_nom: `Zone ${i}`, parts })),
      INDICATORS,
    );
    const read = withValues(
      zones.map((_, i) => ({ zone: `z${i}`, zone_nom: `Zone ${i}`, parts: partsAt(i) })),
      INDICATORS,
    );
    read.forEach((zone, i) => {
      for (const indicator of INDICATORS) {
        const expected = evaluate(indicator, zones[i] as ZoneParts);
        expect(zone.values[indicator.id], indicator.id).toEqual(expected);
        expect(plain[i]?.values[indicator.id], indicator.id).toEqual(expected);
      }
    });
  });
});
