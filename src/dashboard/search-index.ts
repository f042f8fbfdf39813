import MiniSearch from 'minisearch';

import type { SearchEntry } from '../indicators/map-layers-data.ts';

/**
 * Search over communes and associations: accent- and case-insensitive (« eglise » finds
 * « Église »), by word prefix (« sain » finds « Saint-… »), with small typos forgiven for longer
 * words. Hyphens and apostrophes split words, as in French place names.
 */
export function foldText(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      // Invisible format characters (bidirectional marks and overrides, zero-width spaces) do not make another word.
      .replace(/\p{Cf}/gu, '')
      .toLowerCase()
  );
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchEntry[];
}

export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const byKey = new Map(entries.map((e) => [`${e.kind}:${e.id}`, e]));
  const index = new MiniSearch<SearchEntry & { key: string }>({
    idField: 'key',
    fields: ['nom', 'lieu'],
    tokenize: (text) => text.split(/[\s\-'’.,()/]+/u).filter(Boolean),
    processTerm: (term) => foldText(term),
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
      combineWith: 'AND',
      boost: { nom: 3 },
    },
  });
  index.addAll(entries.map((e) => ({ ...e, key: `${e.kind}:${e.id}` })));
  return {
    search(query, limit = 8) {
      if (!query.trim()) return [];
      const folded = foldText(query.trim());
      return (
        index
          .search(query)
          .map((hit) => byKey.get(String(hit.id)))
          .filter((e): e is SearchEntry => e !== undefined)
          // Names that start with the query first, then communes before associations.
          .map((entry, order) => ({ entry, order, starts: foldText(entry.nom).startsWith(folded) ? 0 : 1 }))
          .sort((a, b) => a.starts - b.starts || a.order - b.order)
          .slice(0, limit)
          .map((x) => x.entry)
      );
    },
  };
}
