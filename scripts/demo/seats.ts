import { hash } from 'node:crypto';

import type { Grouping, PlaceRow } from '../../src/data/schema/index.ts';
import type { HubKind } from './association-index.ts';
import type { Random } from './random.ts';
import type { GeneratedCommune } from './territory.ts';

/** A public venue of a commune where associations register their seat. */
type Venue = 'maison_associations' | 'centre_social' | 'mairie';

/** Address of each venue in the fictional communes (labels as the importer normalises them). */
const VENUE_ADDRESSES: Readonly<Record<Venue, string>> = {
  maison_associations: '1 place de la Libération',
  centre_social: '12 rue Jean-Jaurès',
  mairie: '2 place de la Mairie',
};

/**
 * Share of an ordinary association's seats at each venue of its commune [E]: a maison des
 * associations hosts about a fifth of a town's associations; a town hall about one in ten.
 */
const VENUE_SHARES: Readonly<Record<Venue, number>> = {
  maison_associations: 0.2,
  centre_social: 0.08,
  mairie: 0.1,
};
/** Seats too vague to count (no street, a lieu-dit) [E]. */
const VAGUE_SHARE = 0.15;

/** The importer's seat key (sha256 of the text, hexadecimal, first 16 digits), by Node's own sha256. */
function key(text: string): string {
  return hash('sha256', text, 'hex').slice(0, 16);
}

/**
 * The registered seats of the demo's associations, as the importer would key them: shared
 * venues (maison des associations and social centres of the towns, town halls), homes (a key of
 * their own) and vague addresses (no key). Tallies each venue so that places shared by three or
 * more associations can be listed, as the importer does.
 */
export class DemoSeats {
  readonly #random: Random;
  readonly #venues = new Map<string, { commune: string; label: string; count: number }>();
  /** Key of each venue already seen, by commune code and venue. */
  readonly #venueKeys = new Map<string, string>();
  #homes = 0;

  constructor(random: Random) {
    this.#random = random;
  }

  /** The seat key of an association of `commune` (a hub sits at its own venue), or null. */
  seatOf(commune: GeneratedCommune, hub: HubKind | null, venues: ReadonlySet<HubKind>): string | null {
    const venue = this.#venue(commune, hub, venues);
    if (venue) {
      const code = commune.row.code_insee;
      const text = `demo|${code}|${venue}`;
      let k = this.#venueKeys.get(text);
      if (k === undefined) {
        k = key(text);
        this.#venueKeys.set(text, k);
      }
      const found = this.#venues.get(k) ?? { commune: code, label: VENUE_ADDRESSES[venue], count: 0 };
      found.count++;
      this.#venues.set(k, found);
      return k;
    }
    if (this.#random.chance(VAGUE_SHARE)) return null;
    return key(`demo|domicile|${this.#homes++}`);
  }

  #venue(commune: GeneratedCommune, hub: HubKind | null, venues: ReadonlySet<HubKind>): Venue | null {
    if (hub === 'maison_associations' || hub === 'centre_social') return hub;
    if (hub) return null;
    const draw = this.#random.next();
    let bound = 0;
    for (const venue of ['maison_associations', 'centre_social', 'mairie'] as const) {
      if (venue !== 'mairie' && !venues.has(venue)) continue;
      bound += VENUE_SHARES[venue];
      if (draw < bound) return venue;
    }
    return commune.role === 'village' && draw < bound + 0.05 ? 'mairie' : null;
  }

  /** An association's RNA groupement: a few unions and federations [E]. */
  groupement(hub: HubKind | null): Grouping {
    if (hub) return 'simple';
    const draw = this.#random.next();
    return draw < 0.01 ? 'union' : draw < 0.015 ? 'federation' : 'simple';
  }

  /** Venues shared by at least three associations, with their address: the `lieux` table. */
  places(): PlaceRow[] {
    return [...this.#venues]
      .filter(([, v]) => v.count >= 3)
      .map(([cle, v]) => ({ cle, commune_code: v.commune, libelle: v.label }))
      .sort((a, b) => a.commune_code.localeCompare(b.commune_code) || a.cle.localeCompare(b.cle));
  }
}
