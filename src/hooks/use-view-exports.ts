import { toPng } from 'html-to-image';
import { useState, type RefObject } from 'react';

import { download, exportName } from '../export/download.ts';
import { tableDataCsv, tableFrenchCsv } from '../export/table-csv.ts';
import { viewToQuery } from '../state/url.ts';
import type { DashboardModel } from './use-dashboard-model.ts';
import { useMessages } from './use-messages.ts';

/**
 * What the share dialog offers for the view shown: its link (or embed link), the table as
 * French or machine-readable CSV, and the map area with its legend as PNG; file names say the
 * view (intercommunalité, indicator, period, public).
 */
export function useViewExports(
  mapArea: RefObject<HTMLDivElement | null>,
  model: DashboardModel,
  period: { readonly start: string; readonly end: string } | null,
) {
  const m = useMessages();
  const { view, indicator, publicView } = model;
  const pageUrl = (embed: boolean) => {
    const query = viewToQuery({ ...view, embed });
    return `${window.location.origin}${window.location.pathname}${query ? `?${query}` : ''}`;
  };
  const exportBase = [
    'symbiose',
    view.epci ? (model.epciList.find((e) => e.code === view.epci)?.nom ?? view.epci) : 'communes',
    indicator.id,
    period ? `${period.start.slice(0, 7)}_${period.end.slice(0, 7)}` : null,
    publicView ? 'public' : null,
  ];
  const exportCsvFrench = () =>
    download(
      exportName([...exportBase, 'fr'], 'csv'),
      tableFrenchCsv(model.focusRows, model.indicators, view.perInhabitant),
    );
  const exportCsvData = () => {
    const codes = new Set(model.focusRows.map((r) => r.code));
    const zones = (model.communes ?? []).filter((c) => codes.has(c.zone));
    download(
      exportName([...exportBase, 'donnees'], 'csv'),
      tableDataCsv(zones, publicView ? model.mask.communes : null),
    );
  };
  const [exportError, setExportError] = useState<string | null>(null);
  const exportPng = async () => {
    if (!mapArea.current) return;
    setExportError(null);
    try {
      const png = await toPng(mapArea.current, {
        pixelRatio: 1,
        backgroundColor: '#ffffff',
        filter: (node) => !(node instanceof HTMLElement && node.dataset['export'] === 'skip'),
      });
      download(exportName(exportBase, 'png'), await (await fetch(png)).blob());
    } catch (error) {
      setExportError(m.share.pngFailed(error instanceof Error ? error.message : String(error)));
    }
  };
  return { pageUrl, exportCsvFrench, exportCsvData, exportPng, exportError };
}
