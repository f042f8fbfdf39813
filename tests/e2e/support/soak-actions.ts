/*
 * The interactions of the soak test (tests/e2e/soak.test.ts): each one does what a person would
 * (a click, a choice in a list, a key, a dropped file), then waits on the page's own signals — the
 * view drawn (`waitForView`), the side panel no longer busy, the download event of an export, the
 * import's refusal message — never on a delay.
 */
import { bbox } from '@turf/turf';
import type { Download, Page } from 'playwright-core';

import { clickCommune, servedOutlines, waitForView } from './site.ts';

/** What a person can do in the page, as the soak test draws it. */
export const SOAK_KINDS = [
  'legend',
  'indicator',
  'per-inhabitant',
  'resource-type',
  'theme',
  'epci',
  'period',
  'funder',
  'display',
  'language',
  'audience',
  'commune',
  'close-panel',
  'export-csv',
  'export-png',
  'import',
] as const;
export type SoakKind = (typeof SOAK_KINDS)[number];

/**
 * How often each kind is drawn, among those the page offers at that moment. The cheap ones (the
 * legend, the language, the indicator: under half a second on two loaded cores) dominate; those
 * that cost seconds there (a resource type, theme or month recomputes every figure from the
 * exchanges: about 1–2.6 s; a funder up to 2.9 s; an import starts the import worker: 1–2 s) are
 * rarer, so that the 500 interactions fit in the suite's budget: the whole file took 4.2 to
 * 6.6 min with these weights on two cores shared with other runs (tests/e2e/soak.test.ts logs each
 * kind's count and time).
 */
export const SOAK_WEIGHTS: Readonly<Record<SoakKind, number>> = {
  legend: 20,
  indicator: 12,
  'per-inhabitant': 8,
  'resource-type': 4,
  theme: 2,
  epci: 6,
  period: 6,
  funder: 2,
  display: 8,
  language: 7,
  audience: 5,
  commune: 8,
  'close-panel': 7,
  'export-csv': 4,
  'export-png': 1,
  import: 2,
};

/** One step of the random sequence: which kind (among those offered), and which value or place. */
export interface SoakDraw {
  readonly kind: number;
  readonly pick: number;
}

/** What the page offers right now (`display`, `audience`: the test id of the pressed button). */
export interface PageOffer {
  readonly audience: string;
  readonly display: string;
  readonly filterBar: boolean;
  readonly perInhabitant: boolean;
  readonly funder: boolean;
  readonly selection: boolean;
  readonly legend: boolean;
  readonly tableRows: number;
}

/** Reads what the page offers, in one round trip. */
export async function pageOffer(page: Page): Promise<PageOffer> {
  return page.evaluate(() => {
    const byId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const pressed = (ids: readonly string[]) =>
      ids.find((id) => byId(id)?.getAttribute('aria-pressed') === 'true') ?? '';
    const perInhabitant = byId('per-inhabitant');
    const legend = byId('legend');
    return {
      audience: pressed(['audience-collectivite', 'audience-financeur', 'audience-public']),
      display: pressed(['display-carte', 'display-tableau']),
      filterBar: byId('indicator-select') !== null,
      perInhabitant: perInhabitant instanceof HTMLInputElement && !perInhabitant.disabled,
      funder: byId('funder-select') !== null,
      selection: document.querySelector('.side-panel .panel-close') !== null,
      legend: legend !== null && legend.getClientRects().length > 0,
      tableRows: document.querySelectorAll('[data-testid="commune-table"] tbody th button').length,
    };
  });
}

/** The kinds a person can do in the page as it is (a control exists only in some states). */
export function offeredKinds(offer: PageOffer): SoakKind[] {
  const map = offer.display === 'display-carte';
  const offered: Record<SoakKind, boolean> = {
    legend: offer.legend,
    indicator: offer.filterBar,
    'per-inhabitant': offer.perInhabitant,
    'resource-type': offer.filterBar,
    theme: offer.filterBar,
    epci: offer.filterBar,
    period: offer.filterBar,
    funder: offer.funder,
    display: true,
    language: true,
    audience: true,
    commune: map || offer.tableRows > 0,
    'close-panel': offer.selection,
    'export-csv': true,
    // The PNG is the map with its legend.
    'export-png': map,
    import: true,
  };
  return SOAK_KINDS.filter((kind) => offered[kind]);
}

/** The kind `draw` picks among `kinds`, in proportion to their weights. */
export function drawKind(kinds: readonly SoakKind[], draw: SoakDraw): SoakKind {
  const total = kinds.reduce((sum, kind) => sum + SOAK_WEIGHTS[kind], 0);
  let roll = draw.kind % total;
  for (const kind of kinds) {
    roll -= SOAK_WEIGHTS[kind];
    if (roll < 0) return kind;
  }
  throw new Error(`no kind offered (${kinds.join(', ')})`);
}

/** `list[n mod length]`. */
function nth<T>(list: readonly T[], n: number): T {
  const item = list[n % list.length];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** The view drawn and the side panel's figures loaded (no part of it still busy). */
export async function waitForFigures(page: Page): Promise<void> {
  await waitForView(page);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="side-panel"] [aria-busy="true"]') === null,
    undefined,
    { timeout: 60_000 },
  );
}

/** Values of a `<select>`'s options, and the one chosen. */
async function selectValues(page: Page, testId: string): Promise<{ values: string[]; value: string }> {
  return page.getByTestId(testId).evaluate((select) => {
    const element = select as HTMLSelectElement;
    return { values: [...element.options].map((o) => o.value), value: element.value };
  });
}

/** Chooses another option of a `<select>` than the one shown, then waits for the view. */
async function chooseOther(page: Page, testId: string, draw: SoakDraw): Promise<string> {
  const { values, value } = await selectValues(page, testId);
  const others = values.filter((v) => v !== value);
  const chosen = nth(others, draw.pick);
  await page.getByTestId(testId).selectOption(chosen);
  await waitForFigures(page);
  return chosen;
}

/** Ticks or unticks one box of a filter list (opened, then closed again as a person would). */
async function toggleChoice(page: Page, testId: string, draw: SoakDraw): Promise<string> {
  const list = page.getByTestId(testId);
  await list.locator('summary').click();
  const boxes = list.locator('input[type="checkbox"]');
  const box = boxes.nth(draw.pick % (await boxes.count()));
  const value = (await box.getAttribute('value')) ?? '';
  await box.click();
  await list.locator('summary').click();
  await waitForFigures(page);
  return value;
}

/** Moves the start of the period by a month (keyboard on the slider's first thumb), if it can. */
async function movePeriod(page: Page, draw: SoakDraw): Promise<string> {
  const thumbs = page.getByRole('slider');
  const [start, end] = await thumbs.evaluateAll((list) =>
    list.map((t) => Number(t.getAttribute('aria-valuenow'))),
  );
  const canLeft = (start ?? 0) > 0;
  const canRight = (start ?? 0) < (end ?? 0);
  const key = canLeft && (!canRight || draw.pick % 2 === 0) ? 'ArrowLeft' : 'ArrowRight';
  await thumbs.first().focus();
  await page.keyboard.press(key);
  await waitForFigures(page);
  return key;
}

/** The communes' outlines' codes and the middle of each one's bounding box. */
const COMMUNES = servedOutlines().features.map((feature) => {
  const [west, south, east, north] = bbox(feature);
  return {
    code: String(feature.properties?.['code_insee'] ?? feature.id),
    centre: [(west + east) / 2, (south + north) / 2] as const,
  };
});

/** Every commune the map knows, by code. */
export const COMMUNE_CODES: readonly string[] = COMMUNES.map((c) => c.code);

/** Selects a commune: clicked on the map when the map is shown, else its row in the table. */
async function selectCommune(page: Page, offer: PageOffer, draw: SoakDraw): Promise<string> {
  if (offer.display !== 'display-carte') {
    const row = page
      .getByTestId('commune-table')
      .locator('tbody tr')
      .nth(draw.pick % offer.tableRows);
    const code = (await row.getAttribute('data-code')) ?? '';
    await row.locator('th button').click();
    await waitForFigures(page);
    return `row ${code}`;
  }
  // Communes whose middle is on screen, well inside the map: the others may be out of sight.
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('map not laid out');
  const onScreen = await page.evaluate(
    ({ communes, width, height }) =>
      communes
        .filter(({ centre: [lon, lat] }) => {
          const [x, y] = window.symbiose?.project(lon ?? 0, lat ?? 0) ?? [-1, -1];
          return x > 60 && y > 60 && x < width - 60 && y < height - 60;
        })
        .map((c) => c.code),
    { communes: COMMUNES, width: box.width, height: box.height },
  );
  // Some communes have no point free of association clusters: the next one on screen then.
  for (let attempt = 0; attempt < onScreen.length; attempt++) {
    const code = nth(onScreen, draw.pick + attempt);
    try {
      await clickCommune(page, code);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('no free point')) continue;
      throw error;
    }
    await waitForFigures(page);
    return `map ${code}`;
  }
  throw new Error(`no commune of the map can be clicked (${onScreen.length} on screen)`);
}

/**
 * Shows or hides a part of the legend: the whole legend (its button shows on a phone only), the
 * associations' colours, a cooperation signal's layer.
 */
async function toggleLegend(page: Page, draw: SoakDraw): Promise<string> {
  const legend = page.getByTestId('legend');
  const signals = await legend.locator('[data-testid^="legend-signal-"] input').count();
  const toggles = [
    ...((await page.getByTestId('legend-toggle').isVisible()) ? ['[data-testid="legend-toggle"]'] : []),
    '.legend-themes > summary',
    ...Array.from(
      { length: signals },
      (_, i) => `[data-testid^="legend-signal-"]:nth-of-type(${i + 1}) input`,
    ),
  ];
  const selector = nth(toggles, draw.pick);
  const before = String(await page.evaluate(legendToggleState, { css: selector, was: null }));
  await legend.locator(selector).click();
  await page.waitForFunction(legendToggleState, { css: selector, was: before });
  return `${selector} ${before}`;
}

/**
 * What a legend toggle shows (its box ticked, its details open, its `aria-expanded`) when `was`
 * is null; else whether that has changed from `was`. Runs in the page.
 */
function legendToggleState({ css, was }: { css: string; was: string | null }): string | boolean {
  const element = document.querySelector(`[data-testid="legend"] ${css}`);
  const now =
    element instanceof HTMLInputElement
      ? String(element.checked)
      : element?.parentElement instanceof HTMLDetailsElement
        ? String(element.parentElement.open)
        : (element?.getAttribute('aria-expanded') ?? '');
  return was === null ? now : now !== was;
}

/** Waits for an export's download; says what was saved (the file must be there, not failed). */
async function saved(download: Download, extension: string): Promise<string> {
  const failure = await download.failure();
  if (failure !== null) throw new Error(`export failed: ${failure}`);
  const name = download.suggestedFilename();
  if (!name.endsWith(extension)) throw new Error(`export named ${name}, not *${extension}`);
  await download.delete();
  return name;
}

/** Opens the share dialog, exports (CSV in either form, or the PNG), closes the dialog. */
async function exportView(page: Page, kind: 'export-csv' | 'export-png', draw: SoakDraw): Promise<string> {
  await page.getByTestId('share-open').click();
  const dialog = page.getByTestId('share-dialog');
  await dialog.waitFor();
  const button =
    kind === 'export-png' ? 'export-png' : draw.pick % 2 === 0 ? 'export-csv-fr' : 'export-csv-data';
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
  const name = await saved(download, kind === 'export-png' ? '.png' : '.csv');
  await dialog.locator('.share-close').click();
  await dialog.waitFor({ state: 'detached' });
  return `${button} ${name}`;
}

/**
 * Small bad files a person might drop, taken for exchanges: each must be refused with a message
 * naming the file, the page left as it was.
 */
const BAD_FILES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'echanges-vide.csv', bytes: [] },
  { name: 'echanges-mauvais-en-tete.csv', bytes: [...Buffer.from('date;montant;qui\n2024-01-05;12;A\n')] },
  { name: 'echanges-binaire.csv', bytes: [0, 159, 146, 150, 255, 0, 1, 2, 3, 254, 10, 0, 7] },
];

/** Opens the import dialog, drops a bad file, runs the import, reads the refusal, closes the dialog. */
async function importBadFile(page: Page, index: number, draw: SoakDraw): Promise<string> {
  const bad = nth(BAD_FILES, draw.pick);
  // A name never dropped before: the list of chosen files must show this one.
  const name = bad.name.replace('.csv', `-${index}.csv`);
  await page.getByTestId('import-open').click();
  const dialog = page.getByTestId('import-dialog');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="import-dialog"]')?.hasAttribute('open'),
  );
  await page.getByTestId('import-drop').evaluate(
    (target, file) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(file.bytes)], file.name));
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    },
    { name, bytes: bad.bytes },
  );
  const chosen = page.getByTestId('import-chosen').locator('li');
  await chosen.filter({ hasText: name }).waitFor();
  if ((await chosen.count()) !== 1) throw new Error(`${await chosen.count()} files chosen, not 1`);
  await chosen.locator('select').selectOption('exchanges');
  await page.getByTestId('import-run').click();
  const outcome = page.locator('[data-testid="import-error"], [data-testid="import-done"]');
  await outcome.first().waitFor({ timeout: 60_000 });
  const message = await outcome.first().innerText();
  if ((await outcome.first().getAttribute('data-testid')) !== 'import-error' || !message.includes(name))
    throw new Error(`bad file ${name} not refused: « ${message} »`);
  await dialog.locator('.import-actions button').last().click();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="import-dialog"]')?.hasAttribute('open'),
  );
  return message;
}

/** Does one interaction of kind `kind` and waits for the page to show its outcome; describes it. */
export async function interact(
  page: Page,
  kind: SoakKind,
  offer: PageOffer,
  draw: SoakDraw,
  index: number,
): Promise<string> {
  switch (kind) {
    case 'legend':
      return toggleLegend(page, draw);
    case 'indicator':
      return chooseOther(page, 'indicator-select', draw);
    case 'per-inhabitant':
      await page.getByTestId('per-inhabitant').click();
      await waitForFigures(page);
      return String(await page.getByTestId('per-inhabitant').isChecked());
    case 'resource-type':
      return toggleChoice(page, 'filter-types', draw);
    case 'theme':
      return toggleChoice(page, 'filter-themes', draw);
    case 'epci':
      return chooseOther(page, 'epci-select', draw);
    case 'funder':
      return chooseOther(page, 'funder-select', draw);
    case 'period':
      return movePeriod(page, draw);
    case 'display': {
      const next = offer.display === 'display-carte' ? 'display-tableau' : 'display-carte';
      await page.getByTestId(next).click();
      await waitForFigures(page);
      return next;
    }
    case 'language':
      await page.getByTestId('language').click();
      await waitForFigures(page);
      return await page.evaluate(() => document.documentElement.lang);
    case 'audience': {
      const others = ['audience-collectivite', 'audience-financeur', 'audience-public'].filter(
        (a) => a !== offer.audience,
      );
      const next = nth(others, draw.pick);
      await page.getByTestId(next).click();
      await waitForFigures(page);
      return next;
    }
    case 'commune':
      return selectCommune(page, offer, draw);
    case 'close-panel':
      await page.locator('.side-panel .panel-close').click();
      await waitForFigures(page);
      return 'closed';
    case 'export-csv':
    case 'export-png':
      return exportView(page, kind, draw);
    case 'import':
      return importBadFile(page, index, draw);
  }
}

/** The JS heap in use in the page after a full garbage collection, in MB (CDP). */
export async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize / 1e6;
}

/** What `shownFigures` reads. */
export interface ShownFigures {
  /** The legend's title and classes; null in the table display, which has no legend. */
  readonly legend: string[] | null;
  /** The table's rows as read (commune, intercommunalité, figures); null on the map display. */
  readonly table: string[] | null;
  /** Every commune's feature state on the map, by code. */
  readonly communes: Record<string, Record<string, unknown>>;
  /** The side panel's key figures. */
  readonly keyFigures: string[];
}

/**
 * The figures a person reads, to compare the page after the soak with a fresh load of its URL:
 * the legend's title and classes (the table's rows in the table display), every commune's feature
 * state on the map, the side panel's key figures. A boolean state set to false is the same as one
 * never set (a commune selected, then let go, keeps `selected: false`; a fresh page never set it).
 */
export async function shownFigures(page: Page): Promise<ShownFigures> {
  await waitForFigures(page);
  const table = (await page.getByTestId('commune-table').count()) > 0;
  const legend = table
    ? null
    : [
        await page.getByTestId('legend-title').innerText(),
        ...(await page.getByTestId('legend-classes').locator('li').allInnerTexts()),
      ];
  const rows = table ? await page.getByTestId('commune-table').locator('tbody tr').allInnerTexts() : null;
  const communes = await page.evaluate((codes) => {
    const states: Record<string, Record<string, unknown>> = {};
    for (const code of codes)
      states[code] = Object.fromEntries(
        Object.entries(window.symbiose?.communeState(code) ?? {}).filter(([, value]) => value !== false),
      );
    return states;
  }, COMMUNE_CODES);
  const keyFigures = await page.locator('.side-panel .key-figures').allInnerTexts();
  return { legend, table: rows, communes, keyFigures };
}
