/**
 * Country groups (EAEU, CIS, Central Asia, EU-27, the World Bank regions) as one side of a pair.
 *
 * A group is not a row of the store: the store holds each member's flows. A pair query that
 * involves a group reads the flows, pair totals or export tables through `scopedTableSql`, a
 * subquery in which every member's code is replaced by the group's code in the years it was a
 * member (membership by year: data/embedded/country_group_members.csv). So "imports of EAEU"
 * are the sum of its members' imports, intra-group trade included (as ITC Trade Map sums a
 * region), and every query written for one country answers for the group unchanged.
 *
 * Members on the other side of the pair are left out of a group: for Belarus -> EAEU the market
 * is Armenia, Kazakhstan, Kyrgyzstan and Russia, since Belarus does not export to itself. Plain
 * pairs get the view's own name back, so they pay nothing for this.
 */
import { InvalidOptionError } from '../errors.ts';
import { quoteIdentifier, quoteString, sqlList } from './sql.ts';
import type { TradeStore } from './store.ts';

export interface GroupMember {
  iso3: string;
  /** First year of membership (inclusive); null: since before any data. */
  firstYear: number | null;
  /** Last year of membership (inclusive); null: still a member. */
  lastYear: number | null;
  note: string | null;
}

export interface CountryGroup {
  code: string;
  nameEn: string;
  nameRu: string;
  /** Codes and short names a user may type (EAEU, ЕАЭС, EU, ЕС...). */
  aliases: string[];
  /** The treaty, classification or statistical definition the membership follows. */
  source: string;
  sourceUrl: string;
  members: GroupMember[];
}

/**
 * How a group's members are relabelled:
 *  - `directed`: the exporter column by the exporter's group, the importer column by the
 *    importer's. For the product sections, which read flows into the market: for BLR -> EAEU a
 *    flow KAZ -> RUS reads KAZ -> EAEU (Kazakhstan a rival supplier) and KAZ -> BLR stays as it is
 *    (the export-potential model needs every supplier of the exporter by name).
 *  - `both-ways`: either column by either side's group, for the pair's totals in both directions
 *    (turnover, coverage): KAZ -> BLR reads EAEU -> BLR. A flow between two members of the same
 *    group keeps its supplier, so a group's exports are its members' exports outside it (as
 *    Eurostat's extra-EU trade) while its imports include what members buy from each other.
 */
export type ScopeMode = 'directed' | 'both-ways';

/** The views a pair query reads; each has an exporter column, the flows views an importer and a reporter too. */
export type ScopedTable = 'flows' | 'pair_totals' | 'world_exports' | 'exports';

const withImporter = new Set<ScopedTable>(['flows', 'pair_totals']);

/** Every group of the reference tables with its members, cached per store version. */
export function countryGroups(store: TradeStore): Promise<CountryGroup[]> {
  return store.cached('countryGroups', async () => {
    const groups = await store.query<{
      group_code: string;
      name_en: string;
      name_ru: string;
      aliases: string[];
      source: string;
      source_url: string;
    }>(`SELECT group_code, name_en, name_ru, aliases, source, source_url FROM country_groups ORDER BY group_code`);
    const members = await store.query<{
      group_code: string;
      iso3: string;
      first_year: number;
      last_year: number;
      note: string | null;
    }>(`SELECT group_code, iso3, first_year, last_year, note FROM country_group_members ORDER BY group_code, iso3`);
    return groups.map((g) => ({
      code: g.group_code,
      nameEn: g.name_en,
      nameRu: g.name_ru,
      aliases: g.aliases,
      source: g.source,
      sourceUrl: g.source_url,
      members: members
        .filter((m) => m.group_code === g.group_code)
        .map((m) => ({
          iso3: m.iso3,
          firstYear: m.first_year > 0 ? m.first_year : null,
          lastYear: m.last_year < 9999 ? m.last_year : null,
          note: m.note,
        })),
    }));
  });
}

/** The group a code, alias or full name (EN/RU, any case) stands for, or null. */
export async function findGroup(store: TradeStore, input: string): Promise<CountryGroup | null> {
  const key = input.trim().toUpperCase();
  if (key === '') return null;
  const groups = await countryGroups(store);
  return groups.find((g) => [g.code, g.nameEn, g.nameRu, ...g.aliases].some((n) => n.toUpperCase() === key)) ?? null;
}

/** Whether `member` belongs to the group in `year` (membership years are inclusive). */
export function isMemberIn(member: Pick<GroupMember, 'firstYear' | 'lastYear'>, year: number): boolean {
  return (member.firstYear ?? 0) <= year && year <= (member.lastYear ?? 9999);
}

/**
 * The members that make up one side of a pair: a group's members less those on the other side
 * (a country on the other side, or the other group's members). A plain country stands for itself.
 */
export async function pairSideMembers(
  store: TradeStore,
  side: string,
  other: string,
): Promise<{ group: CountryGroup | null; members: GroupMember[] }> {
  const groups = await countryGroups(store);
  const group = groups.find((g) => g.code === side) ?? null;
  if (!group) return { group: null, members: [{ iso3: side, firstYear: null, lastYear: null, note: null }] };
  const otherGroup = groups.find((g) => g.code === other);
  const otherCodes = new Set(otherGroup ? otherGroup.members.map((m) => m.iso3) : [other]);
  return { group, members: group.members.filter((m) => !otherCodes.has(m.iso3)) };
}

/**
 * Refuses a pair in which a group has no member left once the other side's members are taken
 * out (EAEU -> EAEU, KAZ -> CASIA is fine: four members remain).
 */
export async function checkGroupPair(store: TradeStore, exporter: string, importer: string): Promise<void> {
  for (const [side, other] of [
    [exporter, importer],
    [importer, exporter],
  ] as const) {
    const { group, members } = await pairSideMembers(store, side, other);
    if (group && members.length === 0)
      throw new InvalidOptionError(`invalid pair: every member of ${group.code} is on the other side (${other})`, {
        value: `${exporter}-${importer}`,
      });
  }
}

/**
 * The FROM item of `table` seen from the pair: the view's own name when neither side is a
 * group, else a subquery in which each group member's code (exporter, importer and, for
 * Comtrade's rows, reporter) reads as the group's code in the years it was a member.
 */
export async function scopedTableSql(
  store: TradeStore,
  table: ScopedTable,
  pair: { exporter: string; importer: string },
  mode: ScopeMode = 'directed',
): Promise<string> {
  const [exporterSide, importerSide] = await Promise.all([
    pairSideMembers(store, pair.exporter, pair.importer),
    pairSideMembers(store, pair.importer, pair.exporter),
  ]);
  if (!exporterSide.group && !importerSide.group) return quoteIdentifier(table);
  const membersSql = (...sides: Array<{ group: CountryGroup | null; members: GroupMember[] }>) =>
    sides
      .filter((side) => side.group !== null)
      .map(
        (side) => `SELECT group_code, iso3, first_year, last_year FROM country_group_members
          WHERE group_code = ${quoteString(side.group!.code)} AND list_contains(${sqlList(side.members.map((m) => m.iso3))}, iso3)`,
      )
      .join(' UNION ALL ');
  // The two sides' members are disjoint (pairSideMembers), so a code maps to one group at most.
  const eitherSql = membersSql(exporterSide, importerSide);
  const directed = mode === 'directed';
  const columns: Array<[string, string]> = [['exporter', directed ? membersSql(exporterSide) : eitherSql]];
  if (withImporter.has(table)) {
    columns.push(['importer', directed ? membersSql(importerSide) : eitherSql]);
    columns.push(['reporter', eitherSql]);
  }
  const relabelled = columns.filter(([, sideMembersSql]) => sideMembersSql !== '');
  // e.g. exports with a group only on the importer's side, read directed: nothing to relabel.
  if (relabelled.length === 0) return quoteIdentifier(table);
  const groupOfSql = (column: string) =>
    relabelled.some(([c]) => c === column) ? `${quoteIdentifier(`g_${column}`)}.group_code` : 'NULL';
  const joinsSql = relabelled
    .map(([column, sideMembersSql]) => {
      const aliasSql = quoteIdentifier(`g_${column}`);
      return `LEFT JOIN (${sideMembersSql}) ${aliasSql} ON ${aliasSql}.iso3 = t.${quoteIdentifier(column)} AND t.year BETWEEN ${aliasSql}.first_year AND ${aliasSql}.last_year`;
    })
    .join(' ');
  // Both ways, a flow between two members of one group keeps its supplier (see ScopeMode).
  const exporterSql =
    !directed && withImporter.has(table)
      ? `CASE WHEN ${groupOfSql('exporter')} IS DISTINCT FROM ${groupOfSql('importer')} THEN coalesce(${groupOfSql('exporter')}, t.exporter) ELSE t.exporter END AS exporter`
      : `coalesce(${groupOfSql('exporter')}, t.exporter) AS exporter`;
  const replacedSql = [
    exporterSql,
    ...relabelled
      .map(([column]) => column)
      .filter((column) => column !== 'exporter')
      .map((column) => `coalesce(${groupOfSql(column)}, t.${quoteIdentifier(column)}) AS ${quoteIdentifier(column)}`),
  ].join(', ');
  return `(SELECT t.* REPLACE (${replacedSql}) FROM ${quoteIdentifier(table)} t ${joinsSql})`;
}
