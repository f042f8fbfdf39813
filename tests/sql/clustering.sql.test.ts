import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadCoefficients } from '../../src/data/load-dataset.ts';
import { INDICATORS, runIndicatorTable } from '../../src/indicators/registry.ts';
import { runnerWith } from '../support/engine.ts';
import { exchange, fixtureTerritory, PERIOD_2024 } from '../support/fixture.ts';

/**
 * The clustering coefficient straight from its definition, for a graph on nodes 1..10: for each
 * node with at least two neighbours, the share of pairs of neighbours that are linked.
 */
function bruteForceClustering(edges: readonly [number, number][]): { sum: number; nodes: number } {
  const linked = (a: number, b: number) =>
    edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  let sum = 0;
  let nodes = 0;
  for (let i = 1; i <= 10; i++) {
    const neighbours = [...new Set(edges.flatMap(([a, b]) => (a === i ? [b] : b === i ? [a] : [])))];
    if (neighbours.length < 2) continue;
    let closed = 0;
    let pairs = 0;
    for (let x = 0; x < neighbours.length; x++) {
      for (let y = x + 1; y < neighbours.length; y++) {
        pairs++;
        if (linked(neighbours[x] ?? 0, neighbours[y] ?? 0)) closed++;
      }
    }
    sum += closed / pairs;
    nodes++;
  }
  return { sum, nodes };
}

const ACTIVE = [1, 2, 3, 4, 5, 6, 9, 10]; // the fixture's active associations (A7 dissolved, A8 dormant)

describe('clustering (S8) in SQL', () => {
  it('equals the definition on random graphs over the fixture’s active associations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...ACTIVE), fc.constantFrom(...ACTIVE)), {
          maxLength: 20,
          selector: ([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`,
        }),
        async (pairs) => {
          const edges = pairs.filter(([a, b]) => a !== b);
          const tables = {
            ...fixtureTerritory(),
            echanges: edges.map(([a, b], i) => exchange(`G${i}`, '2024-06-01', a, b, 'competences')),
          };
          const runner = await runnerWith(tables);
          await loadCoefficients(runner);
          const [territory] = await runIndicatorTable(
            runner,
            INDICATORS,
            { period: PERIOD_2024 },
            'territoire',
          );
          await runner.close();
          const expected = bruteForceClustering(edges);
          expect(territory?.parts.clustering_noeuds.central).toBe(expected.nodes);
          expect(territory?.parts.clustering_somme.central).toBeCloseTo(expected.sum, 9);
        },
      ),
      { numRuns: 15 },
    );
    // Fifteen engines opened one after another: minutes on a loaded two-core machine, not seconds.
  }, 300_000);
});
