import { useStore } from '@nanostores/react';
import { useEffect, useMemo, useRef, useState } from 'react';

import { funderLabel } from '../dashboard/funder-label.ts';
import { shownIndicator } from '../dashboard/shown-value.ts';
import { useAudienceData } from '../hooks/use-audience-data.ts';
import { useBrowserSession } from '../hooks/use-browser-session.ts';
import { useFileImport } from '../hooks/use-file-import.ts';
import { NO_EPCI, useDashboardModel } from '../hooks/use-dashboard-model.ts';
import { useFormat } from '../hooks/use-format.ts';
import { useMapFeatures } from '../hooks/use-map-features.ts';
import { useMapTooltip } from '../hooks/use-map-tooltip.ts';
import { useObservatoryData } from '../hooks/use-observatory-data.ts';
import { usePlayback } from '../hooks/use-playback.ts';
import { latestData } from '../hooks/use-query-result.ts';
import { useSelectionData } from '../hooks/use-selection-data.ts';
import { useSignalLayers } from '../hooks/use-signal-layers.ts';
import { useUrlView } from '../hooks/use-url-view.ts';
import { useViewExports } from '../hooks/use-view-exports.ts';
import { monthsOf } from '../hooks/view-filters.ts';
import { formatDate, formatMonth } from '../i18n/format.ts';
import { unitHint } from '../i18n/format-indicator.ts';
import type { SearchEntry } from '../indicators/map-layers-data.ts';
import { legendItems } from '../map/legend.ts';
import { $mapDrawn, setMapDrawn } from '../state/engine.ts';
import { openImport } from '../state/import.ts';
import { viewToQuery } from '../state/url.ts';
import { select, selectCommune, setBasemap, setCamera, setCompare } from '../state/view.ts';
import type { Selection } from '../state/view-state.ts';
import { FilterBar } from './filters/FilterBar.tsx';
import { ImportDialog } from './import/ImportDialog.tsx';
import { SavedTerritoryBar } from './import/SavedTerritoryBar.tsx';
import { BasemapSetting } from './map/BasemapSetting.tsx';
import { MapView } from './map/MapView.tsx';
import { AssociationCard } from './panels/AssociationCard.tsx';
import { AuthorityInsights } from './panels/AuthorityInsights.tsx';
import { CommunePortrait, type PortraitZone } from './panels/CommunePortrait.tsx';
import { CoverageNotice } from './panels/CoverageNotice.tsx';
import { FictionalNotice } from './panels/FictionalNotice.tsx';
import { FunderSummary } from './panels/FunderSummary.tsx';
import { Legend } from './panels/Legend.tsx';
import { OverviewPanel } from './panels/OverviewPanel.tsx';
import { PublicNotice } from './panels/PublicNotice.tsx';
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
  const data = useObservatoryData(session);
  const model = useDashboardModel(data, session?.outlines ?? null);
  const selectionData = useSelectionData(session, data.filters);
  const audienceData = useAudienceData(session, data.filters);
  const mapDrawn = useStore($mapDrawn);
  const f = useFormat();
  const { m } = f;
  const { view, indicator, publicView } = model;
  const shown = shownIndicator(indicator, { perInhabitant: view.perInhabitant });
  const months = useMemo(() => (session ? monthsOf(session.manifest.period) : []), [session]);
  const [shareOpen, setShareOpen] = useState(false);
  const mapArea = useRef<HTMLDivElement>(null);
  const printMap = useRef<HTMLImageElement>(null);

  // Language of the page follows the view.
  useEffect(() => {
    document.documentElement.lang = m.lang;
    document.title = `${m.appTitle} — ${m.appSubtitle}`;
  }, [m]);

  // Before printing, the map becomes a still image (a WebGL canvas does not always print).
  useEffect(() => {
    const snapshot = () => {
      const canvas = mapArea.current?.querySelector('canvas');
      if (canvas && printMap.current) printMap.current.src = canvas.toDataURL('image/png');
    };
    window.addEventListener('beforeprint', snapshot);
    return () => window.removeEventListener('beforeprint', snapshot);
  }, []);

  const { labelFeatures, pointFeatures, flowFeatures, flowMeasure, linkFeatures } = useMapFeatures(
    data,
    selectionData,
    model,
    view.selection,
  );

  const describe = useMapTooltip(model, shown);
  const signals = useSignalLayers(data, session?.manifest ?? null);

  const onPick = (entry: SearchEntry) => {
    select({ kind: entry.kind, id: entry.id });
    setCamera([entry.longitude, entry.latitude, SEARCH_ZOOM[entry.kind]]);
  };
  const onSelect = (selection: Selection) => select(selection);
  const selectAssociation = (id: string) => select({ kind: 'association', id });

  // Start-up and errors.
  // Any query that fails says so over the map, rather than leaving a layer or a panel silently empty.
  const queryError = [
    data.communes,
    data.epcis,
    data.territory,
    data.quarters,
    data.labels,
    data.points,
    data.flows,
    data.search,
    data.funders,
    data.places,
    data.hubs,
  ].find((r) => r.status === 'error');
  const territory = model.territory;
  const quarters = latestData(data.quarters);
  const drawn = mapDrawn !== null && mapDrawn === model.mapValues;
  const ready =
    engine.status === 'ready' &&
    !data.pending &&
    (drawn || view.display === 'tableau') &&
    [data.communes, data.territory, data.quarters, data.flows, data.points].every(
      (r) => r.status === 'ready',
    ) &&
    !queryError;
  // The animation moves on once the page shows the current month.
  const playback = usePlayback(months, ready);
  const viewQuery = viewToQuery(view);
  useEffect(() => {
    const state = engine.status === 'error' || queryError ? 'error' : ready ? 'ready' : 'loading';
    if (state === 'ready' && performance.getEntriesByName('symbiose:ready').length === 0) {
      performance.mark('symbiose:ready');
    }
    document.documentElement.dataset['state'] = state;
    // Which view is drawn: browser tests wait for the one in the URL.
    if (state === 'ready') document.documentElement.dataset['view'] = viewQuery;
  }, [engine.status, queryError, ready, viewQuery]);

  const manifest = session?.manifest ?? null;
  const period = data.filters?.period ?? manifest?.period ?? null;
  const funders = latestData(data.funders) ?? [];
  const funderName = view.funder ? funderLabel(funders, view.funder) : null;

  const { pageUrl, exportCsvFrench, exportCsvData, exportPng, exportError } = useViewExports(
    mapArea,
    model,
    period,
  );

  const panel = (() => {
    if (!session || !territory || !quarters || !period || !manifest) return null;
    const events = manifest.events;
    const selection = view.selection;
    if (selection?.kind === 'association') {
      const card = latestData(selectionData.associationCard);
      if (card) {
        return (
          <AssociationCard
            card={card}
            partners={latestData(selectionData.associationPartners)}
            publicView={publicView}
            busy={[selectionData.associationCard, selectionData.associationPartners].some(
              (r) => r.status === 'loading',
            )}
            onClose={() => select(null)}
            onSelectCommune={selectCommune}
            onSelectAssociation={selectAssociation}
          />
        );
      }
    }
    if (selection?.kind === 'commune' && model.communes) {
      const zone = model.communes.find((c) => c.zone === selection.id);
      if (zone) {
        const label = model.labelOf.get(zone.zone);
        const epciCode = label?.epci_code ?? NO_EPCI;
        const epciZone = model.epcis?.find((e) => e.zone === epciCode) ?? null;
        const compareZone = view.compare ? model.communes.find((c) => c.zone === view.compare) : undefined;
        const portraitZone = (
          z: typeof zone,
          level: 'commune' | 'epci' | 'territoire',
          name: string,
        ): PortraitZone => ({
          zone: z,
          masked: model.zoneMasked(z, level),
          name,
        });
        const communeQuarters = latestData(selectionData.communeQuarters);
        const mix = latestData(selectionData.communeMix);
        return (
          <CommunePortrait
            commune={portraitZone(zone, 'commune', zone.zone_nom)}
            compare={compareZone ? portraitZone(compareZone, 'commune', compareZone.zone_nom) : null}
            epci={epciZone ? portraitZone(epciZone, 'epci', epciZone.zone_nom) : null}
            territory={portraitZone(territory, 'territoire', manifest.name)}
            indicators={model.indicators}
            perInhabitant={view.perInhabitant}
            ranks={model.ranks}
            compareOptions={model.rows
              .filter((r) => r.code !== zone.zone)
              .map((r) => ({ code: r.code, nom: r.nom }))
              .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))}
            quarters={communeQuarters}
            compareQuarters={latestData(selectionData.compareQuarters)}
            maskedQuarters={model.maskQuarters(communeQuarters)}
            mix={mix}
            maskedTypes={model.maskTypes(mix)}
            themes={latestData(selectionData.communeThemes)}
            partners={latestData(selectionData.partnerCommunes)}
            associations={latestData(selectionData.communeAssociations)}
            signals={signals.communeSignals(zone.zone)}
            publicView={publicView}
            fictional={manifest.fictional}
            events={events}
            busy={[
              data.communes,
              selectionData.communeQuarters,
              selectionData.communeMix,
              selectionData.communeThemes,
              selectionData.partnerCommunes,
              selectionData.communeAssociations,
              ...(view.compare ? [selectionData.compareQuarters] : []),
            ].some((r) => r.status === 'loading')}
            onClose={() => select(null)}
            onCompare={setCompare}
            onSelectCommune={selectCommune}
            onSelectAssociation={selectAssociation}
            onPrint={() => window.print()}
          />
        );
      }
    }
    const overviewZone = model.epciZone ?? territory;
    const level = model.epciZone ? 'epci' : 'territoire';
    const zoneCommunes = (model.communes ?? []).filter((c) =>
      view.epci ? (model.labelOf.get(c.zone)?.epci_code ?? NO_EPCI) === view.epci : true,
    );
    const mix = latestData(audienceData.mix);
    const growth = latestData(audienceData.growth);
    const needs = latestData(audienceData.needs);
    const inZone = (code: string) =>
      !view.epci || (model.labelOf.get(code)?.epci_code ?? NO_EPCI) === view.epci;
    return (
      <OverviewPanel
        kicker={model.epciZone ? m.filters.epci : m.territory.heading}
        title={model.epciZone ? model.epciZone.zone_nom : manifest.name}
        zone={overviewZone}
        masked={model.zoneMasked(overviewZone, level)}
        period={period}
        quarters={quarters}
        maskedQuarters={model.maskQuarters(quarters)}
        mix={mix}
        maskedTypes={model.maskTypes(mix)}
        events={events}
      >
        {view.audience === 'collectivite' ? (
          <AuthorityInsights
            zone={overviewZone}
            communes={zoneCommunes}
            needs={needs ? needs.filter((n) => inZone(n.commune_code)) : null}
            growth={growth ? growth.filter((g) => inZone(g.code_insee)) : null}
            onSelectCommune={selectCommune}
          />
        ) : null}
        {view.audience === 'financeur' ? (
          <FunderSummary
            funderName={funderName}
            zone={overviewZone}
            funded={latestData(audienceData.funded)}
            onSelectAssociation={selectAssociation}
          />
        ) : null}
        {publicView ? <PublicNotice maskedCommunes={model.mask.communes.size} /> : null}
      </OverviewPanel>
    );
  })();

  const legend =
    model.classification && view.display === 'carte' ? (
      <Legend
        title={f.label(shown)}
        unit={unitHint(shown, m.locale)}
        items={legendItems(
          model.classification,
          (v) => f.plain(shown, v),
          { zero: m.legend.zero, noData: m.legend.noData, secret: m.legend.secret },
          model.mask.communes.size > 0,
        )}
        flows={flowFeatures && flowFeatures.features.length > 0 ? m.legend.flows(flowMeasure) : null}
        signals={(['places', 'hubs'] as const)
          .filter((layer) => signals.available[layer])
          .map((layer) => ({ layer, visible: signals.visibility[layer] }))}
        onToggleSignal={signals.toggle}
      />
    ) : null;

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
            search={<SearchBox entries={latestData(data.search) ?? []} onPick={onPick} />}
          />
        </header>
      )}
      {manifest?.fictional ? <FictionalNotice /> : null}
      <SavedTerritoryBar />
      {territory && !view.embed ? (
        <CoverageNotice
          covered={territory.parts.associations_couvertes.central ?? 0}
          active={territory.parts.associations_actives.central ?? 0}
          actions={
            <button type="button" onClick={() => openImport(true)} data-testid="coverage-import">
              {m.coverage.importFiles}
            </button>
          }
        />
      ) : null}
      {view.embed || !session ? null : (
        <FilterBar
          months={months}
          epcis={model.epciList}
          funders={funders}
          playing={playback.playing}
          onTogglePlay={playback.toggle}
        />
      )}
      <div className="observatory-body">
        <div className="map-area" ref={mapArea} hidden={view.display === 'tableau'}>
          {session ? (
            <MapView
              key={view.basemap ?? 'offline'}
              outlines={session.outlines}
              labels={labelFeatures}
              points={pointFeatures}
              flows={flowFeatures}
              links={linkFeatures}
              places={signals.placeFeatures}
              hubs={signals.hubFeatures}
              signals={signals.visibility}
              values={model.mapValues}
              classification={model.classification}
              bbox={session.manifest.bbox}
              focus={model.focus}
              camera={view.camera}
              selection={view.selection}
              compare={view.compare}
              basemap={view.basemap}
              describe={describe}
              onSelect={onSelect}
              onCamera={setCamera}
              onDrawn={setMapDrawn}
              ariaLabel={m.map.label(f.label(shown))}
            />
          ) : null}
          {legend}
          {view.embed ? (
            <a className="embed-link" href={pageUrl(false)} target="_blank" rel="noopener" data-export="skip">
              {m.map.openFull}
            </a>
          ) : (
            <div className="map-settings" data-export="skip">
              <BasemapSetting value={view.basemap} onChange={setBasemap} />
            </div>
          )}
          <img ref={printMap} className="print-map" alt={m.map.label(f.label(shown))} data-export="skip" />
        </div>
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
          engine={queryError ? { status: 'error', message: queryError.message } : engine}
          drawing={mapDrawn === null && view.display === 'carte'}
          onRetry={retry}
        />
        {view.embed ? null : <aside className="side-panel">{panel}</aside>}
      </div>
      {manifest ? (
        <footer className="print-only print-footer">
          <p>
            {m.print.source(manifest.name)}{' '}
            {m.print.method(
              `${window.location.origin}${import.meta.env.BASE_URL.replace(/\/?$/, '/')}methode/`,
            )}
          </p>
          <p>
            {m.print.printed(formatDate(new Date().toISOString().slice(0, 10), m.locale))} — {m.print.link}{' '}
            {pageUrl(false)}
          </p>
        </footer>
      ) : null}
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
            setTimeout(() => window.print(), 50);
          }}
          error={exportError}
          onClose={() => setShareOpen(false)}
        />
      ) : null}
    </div>
  );
}
