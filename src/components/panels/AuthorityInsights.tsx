import { useFormat } from '../../hooks/use-format.ts';
import { formatDate, formatPercent } from '../../i18n/format.ts';
import {
  OPEN_NEEDS_LISTED,
  type CommuneGrowth,
  type OpenNeeds,
} from '../../indicators/explore/territory-insights.ts';
import type { ZoneIndicators } from '../../indicators/registry.ts';
import { isolate } from '../../i18n/isolate.ts';

/** As many communes of each list as open needs (the needs' query sends only those). */
const LIST_LENGTH = OPEN_NEEDS_LISTED;

/**
 * For a local authority: isolated associations, communes with few links, unmet needs, and where
 * cooperation grows (second half of the period against the first).
 */
export function AuthorityInsights({
  zone,
  communes,
  needs,
  growth,
  onSelectCommune,
}: {
  zone: ZoneIndicators;
  /** Communes of the zone, to find the least connected ones. */
  communes: readonly ZoneIndicators[];
  /** The zone's most recent open needs (as many as the list shows) and their count; null while computed. */
  needs: OpenNeeds | null;
  /** null while computed. */
  growth: readonly CommuneGrowth[] | null;
  onSelectCommune: (code: string) => void;
}) {
  const f = useFormat();
  const { m } = f;
  const active = zone.parts.associations_actives.central ?? 0;
  // Isolation is known only among surveyed associations: the others are « not surveyed », not isolated.
  const covered = zone.parts.associations_couvertes.central ?? 0;
  const isolated = covered - (zone.parts.associations_cooperantes.central ?? 0);
  const fewLinks = communes
    // Only communes whose cooperation is known (surveyed associations): no rank on missing data.
    .filter((c) => (c.parts.associations_couvertes.central ?? 0) > 0)
    .sort(
      (a, b) =>
        (a.parts.communes_liees.central ?? 0) - (b.parts.communes_liees.central ?? 0) ||
        (a.parts.partenariats.central ?? 0) - (b.parts.partenariats.central ?? 0) ||
        a.zone_nom.localeCompare(b.zone_nom, 'fr'),
    )
    .slice(0, LIST_LENGTH);
  const growing = (growth ?? [])
    .filter((g) => g.evolution !== null && g.evolution > 0 && g.apres >= 3)
    .slice(0, LIST_LENGTH);
  const communeButton = (code: string, name: string) => (
    <button type="button" className="link-button" onClick={() => onSelectCommune(code)}>
      {isolate(name)}
    </button>
  );
  return (
    <section className="panel-section" aria-labelledby="authority-title" data-testid="authority-insights">
      <h3 id="authority-title">{m.authority.heading}</h3>
      {covered > 0 ? (
        <p data-testid="isolated">
          {m.authority.isolated(f.number(isolated), formatPercent(isolated / covered, 0, m.locale))}
          {active > covered ? ` ${m.authority.notSurveyed(f.number(active - covered))}` : ''}
        </p>
      ) : (
        <p data-testid="isolated">{m.authority.isolationUnknown}</p>
      )}
      <h4>{m.authority.fewLinks}</h4>
      {fewLinks.length > 0 ? (
        <ul className="plain-list" data-testid="few-links">
          {fewLinks.map((c) => (
            <li key={c.zone}>
              {communeButton(c.zone, c.zone_nom)} —{' '}
              {m.authority.linkedCommunes(c.parts.communes_liees.central ?? 0)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="few-links">
          {m.coverage.notProvided}
        </p>
      )}
      <h4>{m.authority.needs}</h4>
      {needs === null ? (
        <p className="muted" aria-busy="true" data-testid="open-needs">
          {m.authority.pending}
        </p>
      ) : needs.listed.length > 0 ? (
        <ul className="plain-list" data-testid="open-needs">
          {needs.listed.map((need) => (
            <li key={need.id_annonce}>
              <strong>{m.resourceTypes[need.type_ressource]}</strong> — {isolate(need.association)} (
              {isolate(need.commune_nom)}
              ), {m.authority.since(formatDate(need.date_debut, m.locale))}
              <br />
              <span className="muted">{isolate(need.description)}</span>
            </li>
          ))}
          {needs.total > needs.listed.length ? (
            <li className="muted">{m.authority.more(needs.total - needs.listed.length)}</li>
          ) : null}
        </ul>
      ) : (
        <p className="muted">{m.authority.noNeeds}</p>
      )}
      <h4>{m.authority.growth}</h4>
      {covered === 0 ? (
        <p className="muted" data-testid="growth">
          {m.coverage.notProvided}
        </p>
      ) : growth === null ? (
        <p className="muted" aria-busy="true" data-testid="growth">
          {m.authority.pending}
        </p>
      ) : growing.length > 0 ? (
        <ul className="plain-list" data-testid="growth">
          {growing.map((g) => (
            <li key={g.code_insee}>
              {communeButton(g.code_insee, g.nom)} — {m.authority.growthLine(g.avant, g.apres)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{m.authority.noGrowth}</p>
      )}
    </section>
  );
}
