import { useFormat } from '../../hooks/use-format.ts';
import { formatDate } from '../../i18n/format.ts';
import { mapSymbolMessages } from '../../i18n/sections/map-symbols.ts';
import { themeFamily } from '../../data/waldec.ts';
import { THEME_FAMILY_COLORS } from '../../map/theme-colors.ts';
import type {
  AssociationCard as Card,
  AssociationPartner,
} from '../../indicators/explore/association-card.ts';
import { isolate } from '../../i18n/isolate.ts';

/**
 * The card of one association: theme, commune, and its partners of the period with the exchanges
 * given to and received from each. In the public view, only exchanges both associations agreed
 * to publish are detailed.
 */
export function AssociationCard({
  card,
  partners,
  publicView,
  busy,
  onClose,
  onSelectCommune,
  onSelectAssociation,
}: {
  card: Card;
  partners: readonly AssociationPartner[] | null;
  publicView: boolean;
  busy: boolean;
  onClose: () => void;
  onSelectCommune: (code: string) => void;
  onSelectAssociation: (id: string) => void;
}) {
  const f = useFormat();
  const { m } = f;
  // Partners arrive as the view may show them (the model's secrecy: consent in the public view).
  const shown = partners ?? [];
  const given = shown.reduce((n, p) => n + p.fournis, 0);
  const received = shown.reduce((n, p) => n + p.recus, 0);
  const family = themeFamily(card.theme_code);
  return (
    <section className="panel" aria-labelledby="panel-title" aria-busy={busy} data-testid="association-card">
      <div className="panel-head">
        <p className="panel-kicker">{m.search.association}</p>
        <button type="button" className="panel-close" onClick={onClose} aria-label={m.association.close}>
          ×
        </button>
      </div>
      <h2 id="panel-title" className="data-name" data-testid="association-name" title={card.nom}>
        {isolate(card.nom)}
      </h2>
      <dl className="facts">
        <dt>{m.association.theme}</dt>
        <dd data-testid="association-theme">
          <span
            className="theme-dot"
            style={{ background: THEME_FAMILY_COLORS[family] }}
            aria-hidden="true"
          />{' '}
          {m.themeFamilies[family]}
          <span className="muted"> — {isolate(card.theme_libelle)}</span>
        </dd>
        <dt>{m.association.commune}</dt>
        <dd>
          <button
            type="button"
            className="link-button"
            onClick={() => onSelectCommune(card.commune_code)}
            data-testid="association-commune"
          >
            {isolate(card.commune_nom)}
          </button>
          {card.position_approchee ? (
            <span className="muted" data-testid="association-approximate">
              {' '}
              — {mapSymbolMessages[m.lang].approximateShort}
            </span>
          ) : null}
        </dd>
        {card.date_creation ? (
          <>
            <dt>{m.association.created}</dt>
            <dd>{formatDate(card.date_creation, m.locale)}</dd>
          </>
        ) : null}
        <dt>{m.association.status}</dt>
        <dd>{m.association.statuses[card.statut] ?? card.statut}</dd>
      </dl>
      <h3 className="panel-subheading">{m.association.partners}</h3>
      {shown.length > 0 ? (
        <>
          <p data-testid="association-totals">{m.association.totals(given, received)}</p>
          <table className="mini-table" data-testid="association-partners">
            <thead>
              <tr>
                <th scope="col">{m.association.partner}</th>
                <th scope="col">{m.association.given}</th>
                <th scope="col">{m.association.received}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => onSelectAssociation(p.id)}>
                      {isolate(p.nom)}
                    </button>
                    <span className="muted"> · {isolate(p.commune_nom)}</span>
                  </th>
                  <td>{f.number(p.fournis)}</td>
                  <td>{f.number(p.recus)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted" data-testid="association-no-partner">
          {card.couverte ? m.association.noPartner : m.association.notSurveyed}
        </p>
      )}
      {publicView ? <p className="panel-note">{m.association.publicNote}</p> : null}
    </section>
  );
}
