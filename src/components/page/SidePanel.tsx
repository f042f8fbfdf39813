import type { DatasetManifest } from '../../data/manifest.ts';
import type { AudienceData } from '../../hooks/use-audience-data.ts';
import { overviewHeader } from '../../dashboard/overview-header.ts';
import { hasCoveredAssociations } from '../../dashboard/shown-value.ts';
import { NO_EPCI, type DashboardModel } from '../../hooks/use-dashboard-model.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { funderViewMessages } from '../../i18n/sections/funder-view.ts';
import { latestData } from '../../hooks/use-query-result.ts';
import type { SelectionData } from '../../hooks/use-selection-data.ts';
import type { SignalLayers } from '../../hooks/use-signal-layers.ts';
import type { Period, QuarterCount } from '../../indicators/registry.ts';
import { select, selectCommune, setCompare } from '../../state/view.ts';
import { AssociationCard } from '../panels/AssociationCard.tsx';
import { AuthorityInsights } from '../panels/AuthorityInsights.tsx';
import { CommunePortrait, type PortraitZone } from '../panels/CommunePortrait.tsx';
import { FunderSummary } from '../panels/FunderSummary.tsx';
import { OverviewPanel } from '../panels/OverviewPanel.tsx';
import { SensitivityPanel } from '../panels/SensitivityPanel.tsx';
import { PublicNotice } from '../panels/PublicNotice.tsx';
import { printCommuneSheet } from '../print/print-sheet.ts';
import { NearMePanel } from '../public/NearMePanel.tsx';

export interface SidePanelProps {
  readonly manifest: DatasetManifest;
  readonly model: DashboardModel;
  readonly selectionData: SelectionData;
  readonly audienceData: AudienceData;
  readonly signals: SignalLayers;
  readonly quarters: readonly QuarterCount[];
  readonly period: Period;
  readonly funderName: string | null;
  readonly communesPending: boolean;
}

const selectAssociation = (id: string) => select({ kind: 'association', id });

/**
 * What the side panel shows for the view: the selected association's card, the selected
 * commune's portrait, or the overview of the territory (or intercommunalité) for the audience —
 * in the public view, « Près de chez moi » instead of the overview.
 */
export function SidePanel(props: SidePanelProps) {
  const { model } = props;
  const selection = model.view.selection;
  if (selection?.kind === 'association') {
    const card = latestData(props.selectionData.associationCard);
    if (card) {
      return (
        <AssociationCard
          card={card}
          // The public view lists only partners whose exchanges both associations agreed to publish.
          partners={
            latestData(props.selectionData.associationPartners)?.filter(model.secrecy.linkShown) ?? null
          }
          publicView={model.publicView}
          busy={[props.selectionData.associationCard, props.selectionData.associationPartners].some(
            (r) => r.status === 'loading',
          )}
          onClose={() => select(null)}
          onSelectCommune={selectCommune}
          onSelectAssociation={selectAssociation}
        />
      );
    }
  }
  if (selection?.kind === 'commune') {
    const portrait = <SelectedCommune {...props} code={selection.id} />;
    if (portrait) return portrait;
  }
  if (model.publicView)
    return <NearMePanel maskedCommunes={model.secrecy.communes.size} onShowAssociation={selectAssociation} />;
  return <Overview {...props} />;
}

function SelectedCommune({
  manifest,
  model,
  selectionData,
  signals,
  communesPending,
  code,
}: SidePanelProps & { code: string }) {
  const { view } = model;
  const territory = model.territory;
  const zone = model.communes?.find((c) => c.zone === code);
  if (!zone || !territory) return null;
  const epciCode = model.labelOf.get(zone.zone)?.epci_code ?? NO_EPCI;
  const epciZone = model.epcis?.find((e) => e.zone === epciCode) ?? null;
  const compareZone = view.compare ? model.communes?.find((c) => c.zone === view.compare) : undefined;
  const portraitZone = (
    z: typeof zone,
    level: 'commune' | 'epci' | 'territoire',
    name: string,
  ): PortraitZone => ({ zone: z, masked: model.secrecy.zoneMasked(z, level), name });
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
      maskedQuarters={model.secrecy.maskQuarters(communeQuarters)}
      mix={mix}
      maskedTypes={model.secrecy.maskTypes(mix)}
      themes={latestData(selectionData.communeThemes)}
      // The public view names no partner commune whose flow rests on fewer than 3 associations.
      partners={latestData(selectionData.partnerCommunes)?.filter(model.secrecy.flowShown) ?? null}
      associations={latestData(selectionData.communeAssociations)}
      signals={signals.communeSignals(zone.zone)}
      publicView={model.publicView}
      fictional={manifest.fictional}
      events={manifest.events}
      busy={
        communesPending ||
        [
          selectionData.communeQuarters,
          selectionData.communeMix,
          selectionData.communeThemes,
          selectionData.partnerCommunes,
          selectionData.communeAssociations,
          ...(view.compare ? [selectionData.compareQuarters] : []),
        ].some((r) => r.status === 'loading')
      }
      onClose={() => select(null)}
      onCompare={setCompare}
      onSelectCommune={selectCommune}
      onSelectAssociation={selectAssociation}
      onPrint={() => void printCommuneSheet(code)}
    />
  );
}

function Overview({
  manifest,
  model,
  audienceData,
  quarters,
  period,
  funderName,
  communesPending,
}: SidePanelProps) {
  const f = useFormat();
  const { m } = f;
  const { view } = model;
  const territory = model.territory;
  if (!territory) return null;
  const overviewZone = model.epciZone ?? territory;
  const level = model.epciZone ? 'epci' : 'territoire';
  const masked = model.secrecy.zoneMasked(overviewZone, level);
  const inZone = (code: string) =>
    !view.epci || (model.labelOf.get(code)?.epci_code ?? NO_EPCI) === view.epci;
  const zoneCommunes = (model.communes ?? []).filter((c) => inZone(c.zone));
  const mix = latestData(audienceData.mix);
  const growth = latestData(audienceData.growth);
  const needs = latestData(audienceData.needs);
  const funded = latestData(audienceData.funded);
  const header = overviewHeader({
    funderView: view.audience === 'financeur',
    funderName: funderName ? f.name(funderName) : null,
    epciName: model.epciZone?.zone_nom ?? null,
    territoryName: manifest.name,
    funded: funded?.length ?? null,
    activeFunded: overviewZone.parts.associations_actives.central,
    text: {
      territory: m.territory.heading,
      epci: m.filters.epci,
      funder: funderViewMessages[m.lang],
      number: f.number,
    },
  });
  return (
    <OverviewPanel
      kicker={header.kicker}
      title={header.title}
      note={header.note ?? undefined}
      territoryFigures={header.territoryFigures}
      zone={overviewZone}
      masked={masked}
      period={period}
      quarters={quarters}
      maskedQuarters={model.secrecy.maskQuarters(quarters)}
      mix={mix}
      maskedTypes={model.secrecy.maskTypes(mix)}
      // What the overview adds is computed after the map's figures: marked busy while it is.
      extrasBusy={audienceData.busy}
      events={manifest.events}
    >
      {view.audience === 'collectivite' ? (
        <AuthorityInsights
          zone={overviewZone}
          communes={zoneCommunes}
          needs={needs}
          growth={growth ? growth.filter((g) => inZone(g.code_insee)) : null}
          onSelectCommune={selectCommune}
        />
      ) : null}
      {view.audience === 'financeur' && funderName ? (
        <FunderSummary
          funderName={funderName}
          zone={overviewZone}
          funded={funded}
          onSelectAssociation={selectAssociation}
        />
      ) : null}
      {/* What moves the zone's figures: computed only once opened; never for a masked zone. */}
      {!masked && hasCoveredAssociations(overviewZone) ? (
        <SensitivityPanel
          level={level}
          zone={overviewZone}
          publicView={model.publicView}
          current={!communesPending}
        />
      ) : null}
      {model.publicView ? <PublicNotice maskedCommunes={model.secrecy.communes.size} /> : null}
    </OverviewPanel>
  );
}
