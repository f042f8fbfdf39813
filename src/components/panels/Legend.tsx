import type { LegendItem } from '../../map/legend.ts';

/** Legend of the choropleth: what each colour means, « no exchange » and « no data » included. */
export function Legend({
  title,
  unit,
  items,
}: {
  title: string;
  unit: string;
  items: readonly LegendItem[];
}) {
  return (
    <section className="legend" aria-label={`Légende : ${title}`} data-testid="legend">
      <h2 className="legend-title">{title}</h2>
      <p className="legend-unit">{unit}</p>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <span className="legend-swatch" style={{ background: item.color }} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <p className="legend-note">Classes par seuils naturels ; côté bénéficiaire.</p>
    </section>
  );
}
