/** What every view gets: the state, its element, the country list, the pair's coverage. */
import type { SectionId } from '../../../src/analysis/index.ts';
import type { CountryRecord, PairCoverage } from '../../../src/data/index.ts';
import type { SectionMeta } from '../components.ts';
import { lang } from '../i18n.ts';
import type { AppState } from '../state.ts';

export type Country = CountryRecord;

export interface Coverage {
  exporter: CountryRecord;
  importer: CountryRecord;
  coverage: {
    sections: Array<SectionMeta & { section: SectionId }>;
    pair: PairCoverage;
    worldFlowYear: number | null;
    worldExportYear: number | null;
  };
}

export interface ViewContext {
  state: AppState;
  main: HTMLElement;
  countries: Country[];
  coverage: Coverage | null;
  /** True once the user moved on (a newer render started): stop adding to the page. */
  stale: () => boolean;
}

export function countryLabel(ctx: ViewContext, iso3: string): string {
  const c = ctx.countries.find((x) => x.iso3 === iso3);
  return c ? (lang() === 'ru' ? c.nameRu : c.nameEn) : iso3;
}

export function productLabel(row: { product: string; nameEn: string; nameRu: string }): string {
  return `${row.product} ${lang() === 'ru' ? row.nameRu : row.nameEn}`;
}

/**
 * Query of the pair-level routes. The language goes with every request: the API sends the coverage
 * texts (basis, what is missing) in the asked language.
 */
export function pairQuery(
  ctx: ViewContext,
  extra: Record<string, string | number | undefined> = {},
): Record<string, string | number | undefined> {
  return {
    exporter: ctx.state.from,
    importer: ctx.state.to,
    year: ctx.state.year || undefined,
    level: ctx.state.level,
    lang: ctx.state.lang,
    ...extra,
  };
}

export function shortName(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
