/**
 * Machinery planner: a scenario form and the fleet plan (machines, cost per ha and per t, by fleet
 * size, sensitivity as a tornado), and the chosen machine compared with another on the same scenario.
 */
import type { FleetPlan } from '../../../src/machinery/index.ts';
import { downloadPost, getJson, postJson, type ResultTable } from '../api.ts';
import { tornadoBars, type SensitivityRow } from '../chart-data.ts';
import { chartFor } from '../charts.ts';
import { commandText, panel, withLoading } from '../components.ts';
import { clear, h } from '../dom.ts';
import { formatInteger, formatNumber, formatShare, formatUsd, lang, t } from '../i18n.ts';
import { narrowScreen } from '../layout.ts';
import { navigate } from '../state.ts';
import type { ViewContext } from './context.ts';

interface CatalogAnswer {
  machines: Array<{ id: string; name: string; kind: string; operation: string }>;
  crops: Array<{ id: string; name: string }>;
  presets: { presets: Array<{ id: string; title: string }> };
}

interface FleetAnswer {
  plan: FleetPlan;
}

const defaults = {
  areaHa: '10000',
  windowDays: '',
  workableShare: '0.7',
  cropId: 'wheat',
  machineId: 'combine-sp-9m',
  presetId: 'kz-wheat-2023',
};

export async function renderMachinery(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const catalog = await getJson<CatalogAnswer>(`/api/machinery/catalog?lang=${lang()}`);
  if (ctx.stale()) return;
  const value = (key: keyof typeof defaults) => state.extra[key] ?? defaults[key];
  const field = (label: string, input: HTMLElement) => h('label', { class: 'field' }, h('span', {}, label), input);
  const number = (name: keyof typeof defaults, step: string, required = true) =>
    h('input', {
      name,
      type: 'number',
      step,
      min: '0',
      required,
      value: value(name),
      placeholder: required ? '' : t('byDefault'),
    });
  const select = (name: keyof typeof defaults, options: Array<[string, string]>) =>
    h(
      'select',
      { name },
      options.map(([id, label]) => h('option', { value: id, selected: id === value(name) }, label)),
    );
  const form = h(
    'form',
    {
      class: 'planner machinery',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(e.target as HTMLFormElement);
        navigate({ extra: Object.fromEntries(Object.keys(defaults).map((k) => [k, String(data.get(k) ?? '')])) });
      },
    },
    field(t('areaHa'), number('areaHa', '1')),
    field(t('windowDays'), number('windowDays', '1', false)),
    field(t('workableShare'), number('workableShare', '0.05')),
    field(
      t('crop'),
      select(
        'cropId',
        catalog.crops.map((c) => [c.id, c.name]),
      ),
    ),
    field(
      t('machine'),
      select(
        'machineId',
        catalog.machines.filter((m) => !m.kind.startsWith('tractor')).map((m) => [m.id, m.name]),
      ),
    ),
    field(
      t('preset'),
      select('presetId', [['', t('none')], ...catalog.presets.presets.map((p): [string, string] => [p.id, p.title])]),
    ),
    h('button', { type: 'submit' }, t('calculate')),
  );
  main.append(
    h(
      'section',
      { class: 'panel' },
      h('header', {}, h('h2', {}, t('machineryTitle'))),
      h('div', { class: 'panel-body' }, form),
    ),
  );
  const results = h('div', { class: 'results' });
  main.append(results);
  const scenario: Record<string, string | number> = { cropId: value('cropId'), machineId: value('machineId') };
  for (const key of ['areaHa', 'windowDays', 'workableShare'] as const)
    if (value(key) !== '') scenario[key] = Number(value(key));
  if (value('presetId') !== '') scenario['presetId'] = value('presetId');
  const body = { scenario };
  await withLoading(
    results,
    async () => {
      const [fleet, tables] = await Promise.all([
        postJson<FleetAnswer>(`/api/machinery/fleet?lang=${lang()}`, body),
        postJson<{ tables: ResultTable[] }>(`/api/machinery/fleet?format=tables&lang=${lang()}`, body),
      ]);
      if (ctx.stale()) return;
      clear(results);
      const plan = fleet.plan;
      const download = (format: 'csv' | 'xlsx', table?: string) =>
        void downloadPost(
          `/api/machinery/fleet?format=${format}&lang=${lang()}${table ? `&table=${table}` : ''}`,
          body,
          `machinery-fleet${table ? `-${table}` : ''}.${format}`,
        );
      results.append(
        h(
          'dl',
          { class: 'facts big' },
          h('dt', {}, t('machinesNeeded')),
          h('dd', { dataset: { fact: 'machines' } }, formatInteger(plan.window.machines)),
          h('dt', {}, t('costPerHa')),
          h('dd', {}, formatNumber(plan.windowFleet.usdPerHa.total, 1)),
          h('dt', {}, t('costPerT')),
          h('dd', {}, formatNumber(plan.windowFleet.usdPerT.total, 1)),
          h('dt', {}, t('costMinimising')),
          h(
            'dd',
            {},
            `${formatInteger(plan.costMinimisingFleet.machines)} (${formatNumber(plan.costMinimisingFleet.cost.usdPerHa.total, 1)} ${t('usdPerHa')})`,
          ),
        ),
      );
      if (plan.unconfirmedParameters.length > 0) {
        results.append(
          h(
            'div',
            { class: 'notice partial' },
            h('strong', {}, `${t('unconfirmed')}: `),
            plan.unconfirmedParameters.join(', '),
          ),
        );
      }
      for (const note of plan.notes) results.append(h('p', { class: 'muted' }, commandText(note)));
      const parts = ['ownership', 'repair', 'fuel', 'lubrication', 'labour', 'timeliness'] as const;
      const costs = tables.tables.find((x) => x.id === 'costs');
      results.append(
        panel({
          title: t('costParts'),
          tableId: 'costs',
          tables: tables.tables,
          download: (format) => download(format, format === 'csv' ? 'costs' : undefined),
          chartHeight: 300,
          chart: {
            tooltip: {
              trigger: 'axis',
              axisPointer: { type: 'shadow' },
              valueFormatter: (v: number) => formatNumber(v, 1),
            },
            grid: { left: 10, right: 30, top: 10, bottom: 30, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: {
              type: 'category',
              inverse: true,
              data: parts.map((p) =>
                String(
                  costs?.rows.find((r) => r['usdPerHa'] === plan.windowFleet.usdPerHa[p])?.[
                    lang() === 'ru' ? 'partRu' : 'part'
                  ] ?? p,
                ),
              ),
            },
            series: [{ type: 'bar', data: parts.map((p) => plan.windowFleet.usdPerHa[p]) }],
          },
        }),
      );
      const sizes = tables.tables.find((x) => x.id === 'fleetSize');
      results.append(
        panel({
          title: t('fleetSize'),
          tableId: 'fleetSize',
          tables: tables.tables,
          download: (format) => download(format, format === 'csv' ? 'fleetSize' : undefined),
          chartHeight: 300,
          chart: {
            tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v, 1) },
            legend: { top: 0 },
            grid: { left: 60, right: 30, top: 40, bottom: 30 },
            xAxis: { type: 'category', data: (sizes?.rows ?? []).map((r) => String(r['machines'])) },
            yAxis: { type: 'value', name: t('usdPerHa') },
            series: [
              {
                name: sizes?.columns.find((c) => c.key === 'totalUsdPerHa')?.[lang()] ?? 'total',
                type: 'line',
                data: (sizes?.rows ?? []).map((r) => r['totalUsdPerHa']),
              },
              {
                name: sizes?.columns.find((c) => c.key === 'alternativeTotalUsdPerHa')?.[lang()] ?? 'alt',
                type: 'line',
                data: (sizes?.rows ?? []).map((r) => r['alternativeTotalUsdPerHa']),
              },
            ],
          },
        }),
      );
      // A tornado: each parameter's cost change at its lowest and highest factor, widest swing on top.
      const bars = tornadoBars(
        (tables.tables.find((x) => x.id === 'sensitivity')?.rows ?? []) as unknown as SensitivityRow[],
      );
      const factor = (f: number) => `×${formatNumber(f, 2)}`;
      results.append(
        panel({
          title: t('sensitivity'),
          tableId: 'sensitivity',
          tables: tables.tables,
          download: (format) => download(format, format === 'csv' ? 'sensitivity' : undefined),
          chartHeight: 70 + bars.length * 30,
          chart:
            bars.length === 0
              ? null
              : {
                  tooltip: {
                    trigger: 'axis',
                    axisPointer: { type: 'shadow' },
                    valueFormatter: (v: number) => formatShare(v),
                  },
                  legend: { top: 0 },
                  grid: { left: 10, right: 30, top: 30, bottom: 30, containLabel: true },
                  xAxis: {
                    type: 'value',
                    name: t('costChange'),
                    nameLocation: 'middle',
                    nameGap: 24,
                    axisLabel: { formatter: (v: number) => formatShare(v, 0) },
                  },
                  yAxis: {
                    type: 'category',
                    inverse: true,
                    data: bars.map((b) => (narrowScreen() ? b.parameter.slice(0, 14) : b.parameter)),
                  },
                  series: [
                    {
                      name: `${t('sensitivityLow')} (${factor(bars[0]!.low.factor)})`,
                      type: 'bar',
                      barGap: '-100%',
                      data: bars.map((b) => b.low.change),
                      itemStyle: { color: '#2f6f9f' },
                    },
                    {
                      name: `${t('sensitivityHigh')} (${factor(bars[0]!.high.factor)})`,
                      type: 'bar',
                      data: bars.map((b) => b.high.change),
                      itemStyle: { color: '#d9822b', opacity: 0.85 },
                    },
                  ],
                },
        }),
      );
      // Staff and training (S1-S4) as a table with its downloads. (The parameters and their sources are in
      // the XLSX; their source notes come from the core in English only.)
      for (const id of ['staff']) {
        const table = tables.tables.find((x) => x.id === id);
        if (!table || table.rows.length === 0) continue;
        results.append(
          panel({
            title: table[lang()],
            tableId: id,
            tables: tables.tables,
            download: (format) => download(format, format === 'csv' ? id : undefined),
            chart: null,
          }),
        );
      }
    },
    t('computing'),
  );
  if (ctx.stale()) return;
  const machineB = await renderComparison(ctx, catalog, scenario);
  if (ctx.stale()) return;
  if (machineB !== null) await renderDemo(ctx, [String(scenario['machineId']), machineB], catalog);
  if (ctx.stale()) return;
  await renderHaulage(ctx);
}

interface ComparisonSide {
  machineId: string;
  name: string;
  machines: number;
  totalUsdPerHa: number;
  totalUsdPerYear: number;
}

interface ComparisonAnswer {
  a: ComparisonSide;
  b: ComparisonSide;
  winner: 'a' | 'b' | 'tie';
  marginUsdPerHa: number;
  marginUsdPerYear: number;
  marginShare: number;
  breakEvenListPriceDifferenceUsd: number | null;
  plans: { a: FleetPlan; b: FleetPlan };
}

/**
 * The chosen machine against another of the same kind (POST /api/machinery/compare, the scenario
 * without its machine): which is cheaper per ha and by how much, the list price B may carry over A,
 * and the cost parts of both side by side.
 */
async function renderComparison(
  ctx: ViewContext,
  catalog: CatalogAnswer,
  scenario: Record<string, string | number>,
): Promise<string | null> {
  const { main, state } = ctx;
  const machineA = String(scenario['machineId']);
  const kindOf = (id: string) => catalog.machines.find((m) => m.id === id)?.kind;
  const rivals = catalog.machines.filter((m) => m.id !== machineA && m.kind === kindOf(machineA));
  if (rivals.length === 0) return null;
  const machineB = rivals.some((m) => m.id === state.extra['compareWith'])
    ? state.extra['compareWith']!
    : rivals[0]!.id;
  const nameOf = (id: string) => catalog.machines.find((m) => m.id === id)?.name ?? id;
  const section = h(
    'section',
    { class: 'panel', dataset: { panel: 'compare-form' } },
    h('header', {}, h('h2', {}, `${t('compareTitle')}: ${nameOf(machineA)}`)),
    h(
      'div',
      { class: 'panel-body' },
      h(
        'label',
        { class: 'field wide' },
        h('span', {}, t('compareWith')),
        h(
          'select',
          {
            name: 'compareWith',
            onchange: (e: Event) =>
              navigate({ extra: { ...state.extra, compareWith: (e.target as HTMLSelectElement).value } }),
          },
          rivals.map((m) => h('option', { value: m.id, selected: m.id === machineB }, m.name)),
        ),
      ),
    ),
  );
  main.append(section);
  const body = {
    scenario: Object.fromEntries(Object.entries(scenario).filter(([key]) => key !== 'machineId')),
    a: { machineId: machineA },
    b: { machineId: machineB },
  };
  const out = section.querySelector<HTMLElement>('.panel-body')!;
  await withLoading(
    out,
    async () => {
      const [comparison, tables] = await Promise.all([
        postJson<ComparisonAnswer>(`/api/machinery/compare?lang=${lang()}`, body),
        postJson<{ tables: ResultTable[] }>(`/api/machinery/compare?format=tables&lang=${lang()}`, body),
      ]);
      if (ctx.stale()) return;
      const winner = comparison.winner === 'tie' ? null : comparison.winner === 'a' ? comparison.a : comparison.b;
      out.append(
        h(
          'dl',
          { class: 'facts', dataset: { winner: comparison.winner } },
          h('dt', {}, t('compareCheaper')),
          h('dd', {}, winner ? winner.name : t('compareTie')),
          h('dt', {}, t('compareMargin')),
          h(
            'dd',
            {},
            `${formatNumber(comparison.marginUsdPerHa, 1)} ${t('usdPerHa')} (${formatShare(comparison.marginShare)}); ${formatUsd(comparison.marginUsdPerYear)} ${t('perYear')}`,
          ),
          h('dt', {}, t('compareBreakEven')),
          h(
            'dd',
            {},
            comparison.breakEvenListPriceDifferenceUsd === null
              ? '—'
              : formatUsd(comparison.breakEvenListPriceDifferenceUsd),
          ),
        ),
      );
      const parts = ['ownership', 'repair', 'fuel', 'lubrication', 'labour', 'timeliness'] as const;
      const partName = (p: (typeof parts)[number]) => t(`cost_${p}`);
      main.append(
        panel({
          title: `${t('compareTitle')}: ${comparison.a.name} — ${comparison.b.name}, ${t('usdPerHa')}`,
          tableId: 'comparison',
          tables: tables.tables,
          download: (format) =>
            void downloadPost(
              `/api/machinery/compare?format=${format}&lang=${lang()}${format === 'csv' ? '&table=comparison' : ''}`,
              body,
              `machinery-compare${format === 'csv' ? '-comparison' : ''}.${format}`,
            ),
          chartHeight: 340,
          chart: {
            tooltip: {
              trigger: 'axis',
              axisPointer: { type: 'shadow' },
              valueFormatter: (v: number) => formatNumber(v, 1),
            },
            legend: { top: 0, type: 'scroll' },
            grid: { left: 10, right: 30, top: 30, bottom: 40, containLabel: true },
            xAxis: { type: 'value', name: t('usdPerHa'), nameLocation: 'middle', nameGap: 24 },
            yAxis: { type: 'category', inverse: true, data: parts.map(partName) },
            series: (['a', 'b'] as const).map((side) => ({
              name: comparison[side].name,
              type: 'bar',
              data: parts.map((p) => comparison.plans[side].windowFleet.usdPerHa[p]),
            })),
          },
        }),
      );
    },
    t('computing'),
  );
  return machineB;
}

interface DemoAnswer {
  options: { areaHa: number; replicates: number; plotAreaHa: number };
  machines: Array<{ machineId: string; name: string; trialHours: number; trialAreaHa: number }>;
  blocks: Array<{ block: number; order: string[]; hours: number; startDay: number; endDay: number }>;
}

const demoDefaults = { demoAreaHa: '300', demoReplicates: '6', demoPlotHa: '20' };

interface PlannerField {
  /** The form field's name and, with the prefix, its key in the URL's view parameters. */
  name: string;
  label: string;
  value: string;
  step: string;
  min: string;
}

/**
 * A machinery planner's form as a panel: number fields that, on submit, go into the URL's view
 * parameters (`prefix` + name), so the plan is recomputed from the link. The demo and haulage
 * forms are two of these.
 */
function plannerPanel(
  ctx: ViewContext,
  options: { panelId: string; title: string; prefix: string; fields: PlannerField[] },
): HTMLElement {
  const { state } = ctx;
  return h(
    'section',
    { class: 'panel', dataset: { panel: options.panelId } },
    h('header', {}, h('h2', {}, options.title)),
    h(
      'div',
      { class: 'panel-body' },
      h(
        'form',
        {
          class: 'planner',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const data = new FormData(e.target as HTMLFormElement);
            const extra = { ...state.extra };
            for (const f of options.fields) extra[`${options.prefix}${f.name}`] = String(data.get(f.name) ?? '');
            navigate({ extra });
          },
        },
        options.fields.map((f) =>
          h(
            'label',
            { class: 'field' },
            h('span', {}, f.label),
            h('input', { name: f.name, type: 'number', min: f.min, step: f.step, required: true, value: f.value }),
          ),
        ),
        h('button', { type: 'submit' }, t('calculate')),
      ),
    ),
  );
}

/**
 * A demonstration on the field for the two machines compared (POST /api/machinery/demo): randomised
 * replicated blocks, each machine one plot per block, and the days they take. The XLSX holds the
 * measurement sheet to fill in (`karavan machinery demo-results` reads it back).
 */
async function renderDemo(ctx: ViewContext, machineIds: string[], catalog: CatalogAnswer): Promise<void> {
  const { main, state } = ctx;
  const value = (key: keyof typeof demoDefaults) => state.extra[key] ?? demoDefaults[key];
  const nameOf = (id: string) => catalog.machines.find((m) => m.id === id)?.name ?? id;
  const field = (name: keyof typeof demoDefaults, label: string, step: string): PlannerField => ({
    name,
    label,
    value: value(name),
    step,
    min: '1',
  });
  const section = plannerPanel(ctx, {
    panelId: 'demo-form',
    title: `${t('demoTitle')}: ${machineIds.map(nameOf).join(' — ')}`,
    prefix: '',
    fields: [
      field('demoAreaHa', t('demoArea'), '1'),
      field('demoReplicates', t('demoReplicates'), '1'),
      field('demoPlotHa', t('demoPlot'), '0.5'),
    ],
  });
  main.append(section);
  const body = {
    areaHa: Number(value('demoAreaHa')),
    machineIds,
    replicates: Number(value('demoReplicates')),
    plotAreaHa: Number(value('demoPlotHa')),
  };
  const out = section.querySelector<HTMLElement>('.panel-body')!;
  await withLoading(
    out,
    async () => {
      const [plan, tables] = await Promise.all([
        postJson<DemoAnswer>(`/api/machinery/demo?lang=${lang()}`, body),
        postJson<{ tables: ResultTable[] }>(`/api/machinery/demo?format=tables&lang=${lang()}`, body),
      ]);
      if (ctx.stale()) return;
      const days = Math.max(0, ...plan.blocks.map((b) => b.endDay));
      out.append(
        h(
          'dl',
          { class: 'facts', dataset: { days: String(days) } },
          h('dt', {}, t('demoDays')),
          h('dd', {}, formatInteger(days)),
          ...plan.machines.flatMap((m) => [
            h('dt', {}, m.name),
            h('dd', {}, `${formatNumber(m.trialAreaHa, 1)} ${t('ha')}, ${formatNumber(m.trialHours, 1)} ${t('hours')}`),
          ]),
        ),
      );
      main.append(
        panel({
          title: `${t('demoBlocks')}: ${formatInteger(plan.blocks.length)}`,
          tableId: 'blocks',
          tables: tables.tables,
          // The CSV is the blocks table; the XLSX adds the measurement sheet (read back by demo-results).
          download: (format) =>
            void downloadPost(
              `/api/machinery/demo?format=${format}&lang=${lang()}${format === 'csv' ? '&table=blocks' : ''}`,
              body,
              `machinery-demo${format === 'csv' ? '-blocks' : ''}.${format}`,
            ),
          chartHeight: 60 + plan.blocks.length * 28,
          chart: {
            tooltip: {
              trigger: 'axis',
              axisPointer: { type: 'shadow' },
              formatter: (items: Array<{ dataIndex: number }>) => {
                const b = plan.blocks[items[0]!.dataIndex]!;
                return `${t('demoBlock')} ${b.block}: ${t('demoDaysRange')} ${b.startDay}-${b.endDay}<br>${b.order.map(nameOf).join(' → ')}`;
              },
            },
            grid: { left: 10, right: 30, top: 10, bottom: 40, containLabel: true },
            xAxis: {
              type: 'value',
              name: t('demoDays'),
              nameLocation: 'middle',
              nameGap: 24,
              min: 0,
              max: days,
              minInterval: 1,
            },
            yAxis: {
              type: 'category',
              inverse: true,
              data: plan.blocks.map((b) => `${t('demoBlock')} ${b.block}`),
            },
            // Days before the block (transparent) and the block's own days: a timeline.
            series: [
              {
                type: 'bar',
                stack: 'days',
                silent: true,
                itemStyle: { color: 'transparent' },
                data: plan.blocks.map((b) => b.startDay - 1),
              },
              {
                type: 'bar',
                stack: 'days',
                name: t('demoDays'),
                itemStyle: { color: '#3d9970' },
                data: plan.blocks.map((b) => b.endDay - b.startDay + 1),
              },
            ],
          },
        }),
      );
    },
    t('computing'),
  );
}

/** The haulage fields with the worked example of docs/machinery.md (H1-H5) as their start values. */
const haulageFields = [
  ['payloadT', 'haulPayload', '130', '1'],
  ['distanceKm', 'haulDistance', '3', '0.1'],
  ['speedLoadedKmh', 'haulSpeedLoaded', '20', '1'],
  ['speedEmptyKmh', 'haulSpeedEmpty', '35', '1'],
  ['loadMin', 'haulLoad', '3', '0.1'],
  ['dumpMin', 'haulDump', '1', '0.1'],
  ['spotMin', 'haulSpot', '1', '0.1'],
  ['tonnesPerYear', 'haulTonnes', '20000000', '1000'],
  ['scheduledHours', 'haulHours', '7000', '1'],
  ['availability', 'haulAvailability', '0.85', '0.01'],
  ['utilization', 'haulUtilization', '0.9', '0.01'],
] as const;

interface HaulageAnswer {
  cycle: { loadMin: number; haulMin: number; dumpMin: number; returnMin: number; spotMin: number; totalMin: number };
  tonnesPerTruckHour: number;
  trucks: number;
  trucksExact: number;
  matchFactor: number;
  capacityShare: number;
}

/**
 * Mining haulage by the cycle-time method (POST /api/machinery/haulage): trucks for the tonnes a year,
 * their cycle and match factor. Computed when asked (the button), from the worked example's values.
 */
async function renderHaulage(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const asked = haulageFields.every(([key]) => state.extra[`h_${key}`] !== undefined);
  const value = (key: string, example: string) => state.extra[`h_${key}`] ?? example;
  const section = plannerPanel(ctx, {
    panelId: 'haulage-form',
    title: t('haulTitle'),
    prefix: 'h_',
    fields: haulageFields.map(([key, label, example, step]) => ({
      name: key,
      label: t(label),
      value: value(key, example),
      step,
      min: '0',
    })),
  });
  main.append(section);
  if (!asked) return;
  const body = Object.fromEntries(haulageFields.map(([key, , example]) => [key, Number(value(key, example))]));
  const out = section.querySelector<HTMLElement>('.panel-body')!;
  await withLoading(
    out,
    async () => {
      const plan = await postJson<HaulageAnswer>(`/api/machinery/haulage?lang=${lang()}`, body);
      if (ctx.stale()) return;
      const minutes = (v: number) => `${formatNumber(v, 2)} ${t('minutes')}`;
      out.append(
        h(
          'dl',
          { class: 'facts', dataset: { trucks: String(plan.trucks) } },
          h('dt', {}, t('haulTrucks')),
          h('dd', {}, `${formatInteger(plan.trucks)} (${formatNumber(plan.trucksExact, 2)})`),
          h('dt', {}, t('haulCycle')),
          h('dd', {}, minutes(plan.cycle.totalMin)),
          h('dt', {}, t('haulRate')),
          h('dd', {}, formatNumber(plan.tonnesPerTruckHour, 1)),
          h('dt', {}, t('haulMatch')),
          h('dd', {}, formatNumber(plan.matchFactor, 2)),
          h('dt', {}, t('haulCapacity')),
          h('dd', {}, formatShare(plan.capacityShare)),
        ),
      );
      // The cycle's parts as one bar (H1); no table or download: the API gives this result none.
      const parts = [
        ['loadMin', 'haulLoad'],
        ['haulMin', 'haulHaul'],
        ['dumpMin', 'haulDump'],
        ['returnMin', 'haulReturn'],
        ['spotMin', 'haulSpot'],
      ] as const;
      const chart = h('div', {
        class: 'chart',
        role: 'img',
        'aria-label': `${t('chartOf')}: ${t('haulCycle')}, ${minutes(plan.cycle.totalMin)}: ${parts
          .map(([key, label]) => `${t(label)} ${minutes(plan.cycle[key])}`)
          .join('; ')}`,
        style: 'height: 140px',
      });
      out.append(chart);
      requestAnimationFrame(() =>
        chartFor(chart, {
          tooltip: { trigger: 'item', valueFormatter: (v: number) => minutes(v) },
          legend: { top: 0, type: 'scroll' },
          grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true },
          xAxis: { type: 'value', max: plan.cycle.totalMin },
          yAxis: { type: 'category', data: [t('haulCycle')] },
          series: parts.map(([key, label]) => ({
            name: t(label),
            type: 'bar',
            stack: 'cycle',
            data: [plan.cycle[key]],
          })),
        }),
      );
    },
    t('computing'),
  );
}
