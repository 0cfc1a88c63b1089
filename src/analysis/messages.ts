/**
 * The analysis's words as messages (src/messages): countries with both names, the advice that
 * fills a gap, and lists joined into one message. Nothing here is prose; renderers format it.
 */
import { countryLabels, type PairCoverage, type TradeStore } from '../data/index.ts';
import { msg, type CountryValue, type Message } from '../messages/index.ts';

/** Countries (or groups) with their names in both languages; an unknown code names itself. */
export async function countryValues(store: TradeStore, ...codes: string[]): Promise<CountryValue[]> {
  const labels = await countryLabels(store);
  return codes.map((code) => ({ country: code, en: labels.get(code)?.en ?? code, ru: labels.get(code)?.ru ?? code }));
}

export async function countryValue(store: TradeStore, code: string): Promise<CountryValue> {
  return (await countryValues(store, code))[0]!;
}

export const baciAdvice = (): Message => msg('advice.baci');

/**
 * The Comtrade download that fills a gap. For a group (with the pair's coverage at hand) the
 * reporters are its members: Comtrade has no group reporters.
 */
export function comtradeAdvice(reporter: CountryValue, flow: 'imports' | 'exports', pair?: PairCoverage): Message {
  const group = pair?.groups.find((g) => g.group === reporter.country);
  return msg('advice.comtrade', {
    reporter: group
      ? msg('advice.comtradeMembers', { group: reporter, members: group.members.map((m) => m.iso3).join(', ') })
      : reporter,
    flow,
  });
}

/** Messages joined in order by `joinId` ("a; b; c"); null for none. */
export function joinMessages(
  parts: Message[],
  joinId: 'join.semicolon' | 'join.and' = 'join.semicolon',
): Message | null {
  if (parts.length === 0) return null;
  return parts.reduce((first, second) => msg(joinId, { first, second }));
}

/** What is missing and how to add it: "what: download … ; or …". */
export function gap(what: Message, ...how: Message[]): Message {
  return msg('gap.how', { what, how: joinMessages(how)! });
}

/** 2017 or 2017-2021: years are codes, the same in both languages. */
export const yearsText = (years: number[]): string =>
  years.length === 0 ? '—' : years.length === 1 ? String(years[0]) : `${years[0]}-${years[years.length - 1]}`;
