import { useStore } from '@nanostores/react';
import { toCanvas } from 'html-to-image';
import { useState, type RefObject } from 'react';

import { download, exportName } from '../export/download.ts';
import {
  captionAssociations,
  PNG_FOOTER_BAND,
  PNG_TITLE_BAND,
  pngCaption,
  wrapText,
  type CaptionFacts,
  type CaptionZone,
  type PngCaption,
} from '../export/png-caption.ts';
import { tableDataCsv, tableFrenchCsv } from '../export/table-csv.ts';
import { unitHint } from '../i18n/format-indicator.ts';
import { displayName } from '../i18n/typography.ts';
import { shownIndicator } from '../dashboard/shown-value.ts';
import { viewToQuery } from '../state/url.ts';
import type { DashboardModel } from './use-dashboard-model.ts';
import { useFormat } from './use-format.ts';
import { $session } from './session-store.ts';

type Period = { readonly start: string; readonly end: string } | null;

/** The zone the view is about: the selected commune, else the intercommunalité, else the territory. */
export function captionZone(model: DashboardModel, territoryName: string): CaptionZone {
  const { view } = model;
  if (view.selection?.kind === 'commune') {
    const label = model.labelOf.get(view.selection.id);
    if (label)
      return {
        kind: 'commune',
        name: displayName(label.nom),
        code: label.code_insee,
        epci: label.epci_nom ? displayName(label.epci_nom) : null,
      };
  }
  if (view.epci) {
    const epci = model.epciList.find((e) => e.code === view.epci);
    return { kind: 'epci', name: displayName(epci?.nom ?? view.epci) };
  }
  return { kind: 'territory', name: displayName(territoryName) };
}

/** The zone the caption is about, with its figures, and whether the public view masks them. */
function captionZoneFigures(model: DashboardModel) {
  const { view, secrecy } = model;
  const code = view.selection?.kind === 'commune' ? view.selection.id : null;
  const commune = code ? (model.communes?.find((c) => c.zone === code) ?? null) : null;
  if (code) return captionAssociations(commune, commune ? secrecy.zoneMasked(commune, 'commune') : true);
  if (view.epci) {
    const epci = model.epciZone ?? null;
    return captionAssociations(epci, epci ? secrecy.zoneMasked(epci, 'epci') : true);
  }
  const territory = model.territory;
  return captionAssociations(territory, territory ? secrecy.zoneMasked(territory, 'territoire') : true);
}

/**
 * What the exported image and the printed sheet say about the view: its zone (with its active and
 * isolated associations), period and filters.
 */
export function useCaptionFacts(
  model: DashboardModel,
  period: Period,
  funderName: string | null,
  permalink: string,
): CaptionFacts | null {
  const f = useFormat();
  const manifest = useStore($session)?.manifest ?? null;
  if (!manifest) return null;
  const { view } = model;
  const shown = shownIndicator(model.indicator, { perInhabitant: view.perInhabitant });
  return {
    indicator: f.label(shown),
    unit: unitHint(shown, f.m.locale),
    zone: captionZone(model, manifest.name),
    period,
    types: view.types,
    families: view.families,
    funder: view.funder ? { name: funderName ?? view.funder, side: view.side } : null,
    quality: view.quality,
    associations: captionZoneFigures(model),
    publicView: model.publicView,
    dataset: manifest.name,
    fictional: manifest.fictional,
    date: new Date().toISOString().slice(0, 10),
    permalink,
  };
}

/**
 * Whether a node of the map area goes into the image: not the map's controls (zoom buttons,
 * attribution; the scale bar stays, it is part of the map), nor tooltips, nor what is marked
 * `data-export="skip"` (basemap setting, print image).
 */
function isExported(node: Node): boolean {
  if (!(node instanceof HTMLElement)) return true;
  if (node.dataset['export'] === 'skip') return false;
  // The legend as the image's reader sees it: no buttons (ⓘ, folds), no folded group, no
  // switch of a layer that is not drawn.
  if (node.closest('.legend')) {
    if (node instanceof HTMLButtonElement) return false;
    if (node instanceof HTMLDetailsElement && !node.open) return false;
    if (node instanceof HTMLLabelElement && node.querySelector('input:not(:checked)')) return false;
    if (node instanceof HTMLInputElement && node.type === 'checkbox') return false;
    if (node instanceof HTMLFieldSetElement && !node.querySelector('input:checked')) return false;
  }
  if (node.classList.contains('maplibregl-popup')) return false;
  return !node.classList.contains('maplibregl-ctrl') || node.classList.contains('maplibregl-ctrl-scale');
}

const PAD = 12;
const LINE = 1.35;

interface TextLine {
  readonly text: string;
  readonly size: number;
  readonly weight: number;
}

/**
 * The map area as an image between a title band (indicator, zone, period, filters) and a footer
 * (source, date, link, fictional notice): text drawn as text on the canvas, wrapped to its width.
 */
async function composeMapImage(area: HTMLElement, caption: PngCaption): Promise<Blob> {
  const map = await toCanvas(area, { pixelRatio: 1, backgroundColor: '#ffffff', filter: isExported });
  const width = map.width;
  const family = getComputedStyle(area).fontFamily || 'sans-serif';
  const fontOf = (line: Pick<TextLine, 'size' | 'weight'>) => `${line.weight} ${line.size}px ${family}`;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d');
  const wrap = (text: string, size: number, weight: number): TextLine[] => {
    context.font = fontOf({ size, weight });
    return wrapText(text, width - 2 * PAD, (t) => context.measureText(t).width).map((t) => ({
      text: t,
      size,
      weight,
    }));
  };
  const header = [...wrap(caption.title, 18, 600), ...caption.header.flatMap((line) => wrap(line, 13, 400))];
  const footer = caption.footer.flatMap((line) => wrap(line, 11, 400));
  const height = (lines: readonly TextLine[]) =>
    2 * PAD + lines.reduce((sum, line) => sum + Math.ceil(line.size * LINE), 0);
  const top = height(header);
  const bottom = height(footer);
  canvas.width = width;
  canvas.height = top + map.height + bottom;
  context.fillStyle = PNG_TITLE_BAND;
  context.fillRect(0, 0, width, top);
  context.drawImage(map, 0, top);
  context.fillStyle = PNG_FOOTER_BAND;
  context.fillRect(0, top + map.height, width, bottom);
  const write = (lines: readonly TextLine[], y0: number, color: string) => {
    let y = y0 + PAD;
    context.fillStyle = color;
    context.textBaseline = 'top';
    for (const line of lines) {
      context.font = fontOf(line);
      context.fillText(line.text, PAD, y);
      y += Math.ceil(line.size * LINE);
    }
  };
  write(header, 0, '#ffffff');
  write(footer, top + map.height, '#2d3748');
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG'))), 'image/png'),
  );
}

/**
 * What the share dialog offers for the view shown: its link (or embed link), the table as
 * French or machine-readable CSV, and the map area with its legend as PNG, titled and sourced;
 * file names say the view (intercommunalité, indicator, period, public).
 */
export function useViewExports(
  mapArea: RefObject<HTMLDivElement | null>,
  model: DashboardModel,
  period: Period,
  funderName: string | null,
) {
  const { m } = useFormat();
  const { view, indicator, publicView } = model;
  const pageUrl = (embed: boolean) => {
    const query = viewToQuery({ ...view, embed });
    return `${window.location.origin}${window.location.pathname}${query ? `?${query}` : ''}`;
  };
  const facts = useCaptionFacts(model, period, funderName, pageUrl(false));
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
      tableDataCsv(zones, publicView ? model.secrecy.communes : null),
    );
  };
  const [exportError, setExportError] = useState<string | null>(null);
  const exportPng = async () => {
    if (!mapArea.current || !facts) return;
    setExportError(null);
    try {
      const image = await composeMapImage(mapArea.current, pngCaption(facts, m));
      download(exportName(exportBase, 'png'), image);
    } catch (error) {
      setExportError(m.share.pngFailed(error instanceof Error ? error.message : String(error)));
    }
  };
  return { pageUrl, exportCsvFrench, exportCsvData, exportPng, exportError, facts };
}
