/**
 * The Karavan dashboard: a pair selector (exporter, importer, year, HS level) with names in the
 * chosen language, eleven views, Russian by default and English by a toggle. All state is in the
 * URL hash, so a view can be shared by its link. A skip link leads past the header to the view; on a
 * phone the view tabs fold into one select.
 */
import './style.css';
import { getJson, withQuery } from './api.ts';
import { tidyCharts } from './charts.ts';
import { glossaryBox, withLoading } from './components.ts';
import { clear, h } from './dom.ts';
import { lang, setLang, t, type TextKey } from './i18n.ts';
import { navigate, readState, stateHash, views, type AppState, type ViewId } from './state.ts';
import type { ViewContext, Country, Coverage } from './views/context.ts';
import { renderBasket } from './views/basket.ts';
import { renderComplexity } from './views/complexity.ts';
import { renderRegions } from './views/regions.ts';
import { renderData } from './views/data.ts';
import { renderJoint } from './views/joint.ts';
import { renderMachinery } from './views/machinery.ts';
import { renderNeeds } from './views/needs.ts';
import { renderOpportunities } from './views/opportunities.ts';
import { renderOverview } from './views/overview.ts';
import { renderProductSpace } from './views/product-space.ts';
import { renderRivals } from './views/rivals.ts';
import { renderSupply } from './views/supply.ts';

const viewTitles: Record<ViewId, TextKey> = {
  overview: 'viewOverview',
  basket: 'viewBasket',
  needs: 'viewNeeds',
  supply: 'viewSupply',
  opportunities: 'viewOpportunities',
  rivals: 'viewRivals',
  'product-space': 'viewProductSpace',
  complexity: 'viewComplexity',
  regions: 'viewRegions',
  joint: 'viewJoint',
  machinery: 'viewMachinery',
  data: 'viewData',
};

const renderers: Record<ViewId, (ctx: ViewContext) => Promise<void>> = {
  overview: renderOverview,
  basket: renderBasket,
  needs: renderNeeds,
  supply: renderSupply,
  opportunities: renderOpportunities,
  rivals: renderRivals,
  'product-space': renderProductSpace,
  complexity: renderComplexity,
  regions: renderRegions,
  joint: renderJoint,
  machinery: renderMachinery,
  data: renderData,
};

const app = document.getElementById('app')!;
let renderCount = 0;

/** Countries by name, then the groups (EAEU, CIS, EU-27, World Bank regions) under their own heading. */
function countryOptions(countries: Country[], selected: string): Array<HTMLOptionElement | HTMLOptGroupElement> {
  const l = lang();
  const collator = new Intl.Collator(l);
  const options = (kind: (c: Country) => boolean) =>
    countries
      .filter(kind)
      .map((c) => ({ c, name: l === 'ru' ? c.nameRu : c.nameEn }))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ c, name }) =>
        h(
          'option',
          { value: c.iso3, selected: c.iso3 === selected },
          c.historicalUntil === undefined
            ? `${name} (${c.iso3})`
            : `${name} (${c.iso3}, ${t('until')} ${c.historicalUntil})`,
        ),
      );
  // Former states (USSR, GDR...) apart and marked with their last year, after the groups.
  return [
    ...options(
      (c) =>
        (c.kind === 'country' && c.historicalUntil === undefined) ||
        (c.kind !== 'group' && c.iso3 === selected && c.historicalUntil === undefined),
    ),
    h(
      'optgroup',
      { label: t('countryGroups') },
      options((c) => c.kind === 'group'),
    ),
    h(
      'optgroup',
      { label: t('formerStates') },
      options((c) => c.historicalUntil !== undefined),
    ),
  ];
}

function yearsOf(coverage: Coverage | null): number[] {
  if (!coverage) return [];
  const p = coverage.coverage.pair;
  const years = new Set<number>();
  for (const list of [p.bilateral, p.reverse, p.importerImports, p.exporterFlows, p.exporterExports])
    for (const y of list) years.add(y.year);
  for (const y of p.worldFlowYears) years.add(y.year);
  for (const y of p.worldExportYears) years.add(y.year);
  return [...years].sort((a, b) => b - a);
}

function header(state: AppState, countries: Country[], coverage: Coverage | null): HTMLElement {
  const select = (
    name: string,
    label: string,
    options: Array<HTMLOptionElement | HTMLOptGroupElement>,
    onchange: (value: string) => void,
  ) =>
    h(
      'label',
      { class: 'field' },
      h('span', {}, label),
      h('select', { name, onchange: (e: Event) => onchange((e.target as HTMLSelectElement).value) }, options),
    );
  const years = yearsOf(coverage);
  return h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand' }, h('h1', {}, t('appTitle')), h('span', {}, t('appSubtitle'))),
    h(
      'form',
      { class: 'pair', onsubmit: (e: Event) => e.preventDefault() },
      select('from', t('exporter'), countryOptions(countries, state.from), (from) => navigate({ from })),
      h(
        'button',
        {
          type: 'button',
          class: 'swap',
          title: t('swap'),
          'aria-label': t('swap'),
          onclick: () => navigate({ from: state.to, to: state.from }),
        },
        '⇄',
      ),
      select('to', t('importer'), countryOptions(countries, state.to), (to) => navigate({ to })),
      select(
        'year',
        t('year'),
        [
          h('option', { value: '', selected: state.year === '' }, t('latestYear')),
          ...years.map((y) => h('option', { value: String(y), selected: String(y) === state.year }, String(y))),
        ],
        (year) => navigate({ year }),
      ),
      select(
        'level',
        t('hsLevel'),
        ['4', '6'].map((l) => h('option', { value: l, selected: l === state.level }, `HS${l}`)),
        (level) => navigate({ level: level === '4' ? '4' : '6' }),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        'data-lang': state.lang === 'ru' ? 'en' : 'ru',
        // The button names the other language in that language: a screen reader reads it so.
        lang: state.lang === 'ru' ? 'en' : 'ru',
        onclick: () => navigate({ lang: state.lang === 'ru' ? 'en' : 'ru' }, true),
      },
      t('language'),
    ),
  );
}

/** Views that need a pair of two different countries (the others work for any state). */
const pairFree = new Set<ViewId>(['machinery', 'data', 'complexity', 'regions']);

function nav(state: AppState): HTMLElement {
  // Real links (open in a new tab, copy), each the view's own hash; a click navigates in place.
  const href = (view: ViewId) => stateHash({ ...state, view, extra: {} });
  return h(
    'nav',
    { class: 'views', 'aria-label': t('viewsNav') },
    h(
      'label',
      { class: 'field view-select' },
      h('span', {}, t('viewsNav')),
      h(
        'select',
        { name: 'view', onchange: (e: Event) => navigate({ view: (e.target as HTMLSelectElement).value as ViewId }) },
        views.map((view) => h('option', { value: view, selected: view === state.view }, t(viewTitles[view]))),
      ),
    ),
    h(
      'ul',
      { class: 'view-tabs' },
      views.map((view) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: href(view),
              class: view === state.view ? 'active' : '',
              'aria-current': view === state.view ? 'page' : false,
              dataset: { view },
              onclick: (e: Event) => (e.preventDefault(), navigate({ view })),
            },
            t(viewTitles[view]),
          ),
        ),
      ),
    ),
    h('a', { href: '/api/docs', class: 'docs', target: '_blank', rel: 'noopener' }, t('docsLink')),
  );
}

/** The skip link: past the header and the tabs to the view. The hash routes, so it focuses instead of linking. */
function skipLink(main: HTMLElement): HTMLElement {
  return h(
    'a',
    {
      class: 'skip-link',
      href: '#main',
      onclick: (e: Event) => {
        e.preventDefault();
        main.focus();
        main.scrollIntoView();
      },
    },
    t('skipToContent'),
  );
}

async function render(): Promise<void> {
  const mine = ++renderCount;
  const state = readState();
  setLang(state.lang);
  clear(app);
  const main = h('main', { id: 'main', tabindex: '-1', class: 'content', dataset: { view: state.view } });
  const [countries, coverage] = await Promise.all([
    getJson<Country[]>('/api/countries').catch(() => [] as Country[]),
    state.from === state.to
      ? Promise.resolve(null)
      : getJson<Coverage>(
          withQuery('/api/coverage', { exporter: state.from, importer: state.to, lang: state.lang }),
        ).catch(() => null),
  ]);
  if (mine !== renderCount) return;
  app.append(skipLink(main), header(state, countries, coverage), nav(state), main);
  main.append(h('h2', { class: 'view-title' }, t(viewTitles[state.view])));
  if (state.from === state.to && !pairFree.has(state.view)) {
    main.append(h('div', { class: 'notice missing' }, t('pairSame')));
    return;
  }
  await withLoading(main, () =>
    renderers[state.view]({ state, main, countries, coverage, stale: () => mine !== renderCount }),
  );
  tidyCharts();
  // The measures the view names, explained once under it (their headers say it on hover too).
  const glossary = glossaryBox(main.textContent ?? '');
  if (glossary) main.append(glossary);
  main.dataset.ready = 'true';
}

window.addEventListener('hashchange', () => void render());
void render();
