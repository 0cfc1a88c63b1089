/** What every report section carries besides its rows: status, basis, what is missing. */
import { productNames, type Lang, type TradeStore } from '../data/index.ts';
import type { Message } from '../messages/index.ts';

export type SectionStatus = 'computed' | 'partial' | 'missing';

export interface SectionMeta {
  status: SectionStatus;
  /** What the numbers are computed from (dataset source, year). */
  basis: Message;
  /** What is missing and the file and command that would fill the gap; null when nothing is. */
  missing: Message | null;
}

export interface NamedProduct {
  product: string;
  nameEn: string;
  nameRu: string;
}

/** English and Russian names for codes, with the fallback chain of the catalog. */
export async function nameProducts(
  store: TradeStore,
  codes: string[],
): Promise<Map<string, { en: string; ru: string }>> {
  const [en, ru] = await Promise.all([productNames(store, codes, 'en'), productNames(store, codes, 'ru')]);
  const out = new Map<string, { en: string; ru: string }>();
  for (const code of codes)
    out.set(code, { en: en.get(code)?.name ?? code, ru: ru.get(code)?.name ?? en.get(code)?.name ?? code });
  return out;
}

export function pickName(names: { en: string; ru: string }, lang: Lang): string {
  return lang === 'ru' ? names.ru : names.en;
}

/** Compound annual growth between two values `years` apart; null when undefined. */
export function cagr(startUsd: number | null | undefined, endUsd: number, years: number): number | null {
  if (startUsd === null || startUsd === undefined || !(startUsd > 0) || !(endUsd > 0) || !(years > 0)) return null;
  return Math.pow(endUsd / startUsd, 1 / years) - 1;
}

/** z-scores over finite values (population sd); non-finite inputs give 0. */
export function zScores(values: ArrayLike<number>): Float64Array {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++)
    if (Number.isFinite(values[i]!)) {
      n++;
      sum += values[i]!;
    }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) ss += (values[i]! - mean) ** 2;
  const sd = n > 0 ? Math.sqrt(ss / n) : 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isFinite(values[i]!) && sd > 0 ? (values[i]! - mean) / sd : 0;
  return out;
}
