import { useStore } from '@nanostores/react';
import { useEffect, useMemo, useRef, useState } from 'react';

import { funderLabel } from '../dashboard/funder-label.ts';
import { shownIndicator } from '../dashboard/shown-value.ts';
import { $communeTiles, $firstView, loadFirstViewOnce } from '../hooks/first-view-store.ts';
import { useAudienceData } from '../hooks/use-audience-data.ts';
import { useBackgroundHold } from '../hooks/use-background-hold.ts';
import { useBrowserSession } from '../hooks/use-browser-session.ts';
import type { FixedScales } from '../dashboard/dashboard-model.ts';
import { useDashboardModel } from '../hooks/use-dashboard-model.ts';
import { useFileImport } from '../hooks/use-file-import.ts';
import { useFormat } from '../hooks/use-format.ts';
import { useMapFeatures } from '../hooks/use-map-features.ts';
import { useMapTooltip } from '../hooks/use-map-tooltip.ts';
import { prefetchObservatoryData, useObservatoryData } from '../hooks/use-observatory-data.ts';
import { usePageStatus } from '../hooks/use-page-status.ts';
import { usePlayback } from '../hooks/use-playback.ts';
import { latestData } from '../hooks/use-query-result.ts';
import { useSelectionData } from '../hooks/use-selection-data.ts';
import { useSignalLayers } from '../hooks/use-signal-layers.ts';
import { useUrlView } from '../hooks/use-url-view.ts';
import { useViewExports } from '../hooks/use-view-exports.ts';
import { filtersFromView, monthsOf } from '../hooks/view-filters.ts';
import { filtersKey, sameData } from '../indicators/first-view.ts';
import { formatMonth } from '../i18n/format.ts';
import type { CommuneGeometry } from '../map/commune-tiles.ts';
import { nearMeMessages } from '../i18n/sections/near-me.ts';
import type { SearchEntry } from '../indicators/map-layers-data.ts';
import { openImport } from '../state/import.ts';
import { $view, clearFilters, select, selectCommune, setCamera } from '../state/view.ts';
import { FilterBar } from './filters/FilterBar.tsx';
import { IndicatorPicker } from './filters/IndicatorPicker.tsx';
import { ImportDialog } from './import/ImportDialog.tsx';
import { SavedTerritoryBar } from './import/SavedTerritoryBar.tsx';
import { MapArea } from './page/MapArea.tsx';
import { PrintFooter } from './page/PrintFooter.tsx';
import { PrintHeader } from './print/PrintHeader.tsx';
import { printCommuneSheet } from './print/print-sheet.ts';
import { BottomSheet } from './page/BottomSheet.tsx';
import { SidePanel } from './page/SidePanel.tsx';
import { CoverageNotice } from './panels/CoverageNotice.tsx';
import { FictionalNotice } from './panels/FictionalNotice.tsx';
import { PeriodNotice } from './panels/PeriodNotice.tsx';
import { OverviewNotice } from './panels/OverviewNotice.tsx';
import { StatusOverlay } from './panels/StatusOverlay.tsx';
import { SearchBox } from './search/SearchBox.tsx';
import { ShareDialog } from './share/ShareDialog.tsx';
import { CommuneTable } from './table/CommuneTable.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';

/** Zoom the map jumps to when a search result is picked. */
const SEARCH_ZOOM = { commune: 11.5, association: 13.5 } as const;

/** The page's one island: header, filters, map or table, side panel, around one DuckDB session. */
export function Observatory() {
  useUrlView();
  // The map of the default view, computed at build time, drawn while the engine starts.
  useEffect(loadFirstViewOnce, []);
  const browser = useBrowserSession();
  const importFiles = useFileImport(browser.session);
  return (
    <>
      {/* A new session generation (the user's files loaded) rebuilds the page around the new data. */}
      <ObservatoryPage key={browser.session?.generation ?? 0} {...browser} />
      <ImportDialog onImport={() => void importFiles()} canAdd={browser.session !== null} />
    </>
  );
}

function ObservatoryPage({ session, engine, retry }: ReturnType<typeof useBrowserSession>) {
  // The first view answers the served dataset as built: not one the user's files changed.
  const firstView = useStore($firstView);
  const asBuilt = !session || (session.generation === 0 && session.dataset.kind === 'served');
  // …and the data loaded: a dataset published between the page's first read of its manifest and
  // its load has other checksums, and the engine's answers are the only ones.
  const first =
    asBuilt && firstView && (!session || sameData(session.manifest, firstView.manifest)) ? firstView : null;
  const data = useObservatoryData(session, first);
  // Classes and circle sizes held while the animation plays (growth shows in the colours).
  const [fixedScales, setFixedScales] = useState<FixedScales | null>(null);
  // The map draws the tiles cut at build while the data is the served dataset as built: from the
  // moment they are known, before any figure — unless the address names an intercommunalité,
  // which the map frames from the outlines (the first view then reads them).
  const servedTiles = useStore($communeTiles);
  const zoneAsked = useStore($view).epci !== null;
  const tiles = asBuilt ? servedTiles : null;
  const early = tiles && !zoneAsked ? { manifest: tiles.manifest, outlines: null } : null;
  const drawnOn = session ?? first ?? early;
  const outlines = drawnOn?.outlines ?? null;
  const model = useDashboardModel(data, outlines, fixedScales);
  const communes = useMemo<CommuneGeometry | null>(
    () => (tiles ? tiles.tiles : outlines ? { kind: 'outlines', outlines } : null),
    [tiles, outlines],
  );
  const selectionData = useSelectionData(session, data.filters);
  const audienceData = useAudienceData(session, data.filters);
  const f = useFormat();
  const { m } = f;
  const { view, indicator } = model;
  const shown = shownIndicator(indicator, { perInhabitant: view.perInhabitant });
  const months = useMemo(() => (session ? monthsOf(session.manifest.period) : []), [session]);
  const [shareOpen, setShareOpen] = useState(false);
  const mapArea = useRef<HTMLDivElement>(null);

  // Language of the page follows the view.
  useEffect(() => {
    document.documentElement.lang = m.lang;
    document.title = `${m.appTitle} — ${m.appSubtitle}`;
  }, [m]);

  const features = useMapFeatures(data, selectionData, model, view.selection);
  const describe = useMapTooltip(model, shown);
  // The structures may come from the build before the session: shown by the same defaults.
  const signals = useSignalLayers(data, session?.manifest ?? first?.manifest ?? null);
  const {
    ready,
    queryError,
    mapDrawn,
    engine: pageEngine,
  } = usePageStatus(engine, data, model, features.pointFeatures);
  // The animation moves on once the page shows the current month; the next one's map queries
  // run during the pause (the overview's follow each month, in the engine's time left).
  const prepareMonth = (from: string | null, to: string) => {
    if (!session) return;
    prefetchObservatoryData(session, filtersFromView({ ...$view.get(), from, to }, session.manifest));
  };
  const playback = usePlayback(months, ready, prepareMonth);
  // While the page draws its view, the overview's statements wait: they would take the CPU from
  // the map's layout, and nobody reads them before the map. Not while the animation plays: its
  // months would leave them only the pauses, shared with the next month's queries.
  useBackgroundHold(
    session?.background ?? null,
    pageEngine.status === 'ready' && !ready && !queryError && !playback.playing,
  );
  // When the animation stops (at its end or paused), the scales follow the view again.
  const [wasPlaying, setWasPlaying] = useState(false);
  if (playback.playing !== wasPlaying) {
    setWasPlaying(playback.playing);
    if (!playback.playing) setFixedScales(null);
  }
  const togglePlay = () => {
    if (!playback.playing) setFixedScales(model.scales);
    playback.toggle();
  };

  const onPick = (entry: SearchEntry) => {
    select({ kind: entry.kind, id: entry.id });
    setCamera([entry.longitude, entry.latitude, SEARCH_ZOOM[entry.kind]]);
  };

  const territory = model.territory;
  const quarters = latestData(data.quarters);
  // Beyond what a browser loads, the page has no engine: it shows the build's figures only.
  const overview = engine.status === 'overview' && first !== null;
  const manifest = session?.manifest ?? (overview ? first.manifest : null);
  // The overview answers the default filters only: filters from the address, the intercommunalité
  // included, are dropped (the notice says the page shows the whole period, without filters).
  const askedKey = data.filters ? filtersKey(data.filters) : null;
  useEffect(() => {
    if (overview && ((askedKey !== null && askedKey !== first.view.key) || zoneAsked)) clearFilters();
  }, [overview, askedKey, first, zoneAsked]);
  const period = data.filters?.period ?? manifest?.period ?? null;
  const funders = latestData(data.funders) ?? [];
  const funderName = view.funder ? funderLabel(funders, view.funder) : null;
  // What the side panel shows, named in the peeking bottom sheet on a phone.
  const selection = view.selection;
  const panelTitle =
    (selection?.kind === 'commune'
      ? model.communes?.find((c) => c.zone === selection.id)?.zone_nom
      : selection?.kind === 'association'
        ? latestData(selectionData.associationCard)?.nom
        : model.publicView
          ? nearMeMessages[m.lang].kicker
          : view.audience === 'financeur' && funderName
            ? f.name(funderName)
            : model.epciZone?.zone_nom) ??
    manifest?.name ??
    '';

  const { pageUrl, exportCsvFrench, exportCsvData, exportPng, exportError, facts } = useViewExports(
    mapArea,
    model,
    period,
    funderName,
  );

  const tableCaption = m.table.caption(
    f.label(shown),
    period ? `${formatMonth(period.start, m.locale)} – ${formatMonth(period.end, m.locale)}` : '',
  );

  return (
    <div className={view.embed ? 'observatory is-embedded' : 'observatory'} data-audience={view.audience}>
      {view.embed ? null : (
        <header className="site-header">
          <h1>
            <span className="brand">{m.appTitle}</span> <span className="subtitle">{m.appSubtitle}</span>
          </h1>
          <Toolbar
            onShare={() => setShareOpen(true)}
            // Search and import need the engine: not on the build's overview.
            search={overview ? null : <SearchBox entries={latestData(data.search)} onPick={onPick} />}
            canImport={!overview}
          />
        </header>
      )}
      {facts ? <PrintHeader facts={facts} /> : null}
      {manifest?.fictional ? <FictionalNotice /> : null}
      <PeriodNotice data={manifest?.period ?? null} />
      <SavedTerritoryBar />
      {/* « Près de chez moi » speaks to the public: no survey coverage, no dashboard filters. */}
      {territory && !view.embed && !model.publicView ? (
        <CoverageNotice
          covered={territory.parts.associations_couvertes.central ?? 0}
          active={territory.parts.associations_actives.central ?? 0}
          actions={
            overview ? null : (
              <button type="button" onClick={() => openImport(true)} data-testid="coverage-import">
                {m.coverage.importFiles}
              </button>
            )
          }
        />
      ) : null}
      {overview && engine.status === 'overview' ? <OverviewNotice reason={engine.message} /> : null}
      {overview && !view.embed && !model.publicView ? (
        <section className="filter-bar is-overview" aria-label={m.filters.heading}>
          <IndicatorPicker />
        </section>
      ) : null}
      {view.embed || !session || model.publicView ? null : (
        <FilterBar
          months={months}
          epcis={model.epciList}
          funders={funders}
          playing={playback.playing}
          onTogglePlay={togglePlay}
        />
      )}
      <div className="observatory-body">
        <MapArea
          ref={mapArea}
          dataset={drawnOn && communes ? { manifest: drawnOn.manifest, communes } : null}
          model={model}
          shown={shown}
          features={features}
          signals={signals}
          describe={describe}
          fullPageUrl={pageUrl(false)}
          funderName={funderName}
        />
        {view.display === 'tableau' ? (
          <CommuneTable
            rows={model.focusRows}
            indicators={model.indicators}
            perInhabitant={view.perInhabitant}
            caption={tableCaption}
            onSelectCommune={selectCommune}
          />
        ) : null}
        <StatusOverlay
          engine={queryError ? { status: 'error', message: queryError.message } : pageEngine}
          drawing={mapDrawn === null && view.display === 'carte'}
          mapShown={mapDrawn !== null}
          onRetry={retry}
        />
        {view.embed || overview ? null : (
          <BottomSheet
            title={panelTitle}
            // The public view's panel is where a person starts (« Près de chez moi »): open at half.
            openKey={selection ? `${selection.kind}:${selection.id}` : model.publicView ? 'near-me' : null}
          >
            {manifest && quarters && period ? (
              <SidePanel
                manifest={manifest}
                model={model}
                selectionData={selectionData}
                audienceData={audienceData}
                signals={signals}
                quarters={quarters}
                period={period}
                funderName={funderName}
                communesPending={data.communes.status === 'loading'}
              />
            ) : null}
          </BottomSheet>
        )}
      </div>
      {manifest ? <PrintFooter datasetName={manifest.name} permalink={pageUrl(false)} /> : null}
      {shareOpen ? (
        <ShareDialog
          open={shareOpen}
          url={pageUrl(false)}
          embedUrl={pageUrl(true)}
          canPrint={view.selection?.kind === 'commune'}
          onCsvFrench={exportCsvFrench}
          onCsvData={exportCsvData}
          onPng={() => void exportPng()}
          onPrint={() => {
            setShareOpen(false);
            if (view.selection?.kind === 'commune') void printCommuneSheet(view.selection.id);
          }}
          error={exportError}
          onClose={() => setShareOpen(false)}
        />
      ) : null}
    </div>
  );
}
