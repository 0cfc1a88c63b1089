/**
 * The message catalog: every sentence and label a user reads, in English and Russian, as ICU
 * MessageFormat (plurals, agreement by select, numbers through Intl). The core never builds
 * prose: it returns `Message` values (an id and its parameters), and each interface formats them
 * in the reader's language with `formatMessage`. Country values carry both names, so a message
 * formats without the store.
 *
 * Library: intl-messageformat (FormatJS). It is the most used ICU MessageFormat implementation
 * for JavaScript, released every few weeks, 136 kB with two small dependencies of its own, and
 * uses the engine's Intl.PluralRules and Intl.NumberFormat rather than bundling locale data.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { catalog, type MessageId } from './catalog/index.ts';

export type { MessageId } from './catalog/index.ts';
export { catalog } from './catalog/index.ts';

export type Lang = 'en' | 'ru';
export const langs: readonly Lang[] = ['en', 'ru'];

/** A country or group in a message: named in the reader's language, its code kept for programs. */
export interface CountryValue {
  readonly country: string;
  readonly en: string;
  readonly ru: string;
}

export type MessageValue = string | number | Message | CountryValue;

export interface Message {
  readonly messageId: MessageId;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

export function msg(messageId: MessageId, values?: Record<string, MessageValue>): Message {
  return values === undefined ? { messageId } : { messageId, values };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).messageId === 'string';
}

function isCountry(value: unknown): value is CountryValue {
  return typeof value === 'object' && value !== null && typeof (value as CountryValue).country === 'string';
}

const locales: Record<Lang, string> = { en: 'en-US', ru: 'ru-RU' };
const compiled = new Map<string, IntlMessageFormat>();

function compile(id: MessageId, lang: Lang): IntlMessageFormat {
  const key = `${lang}|${id}`;
  let format = compiled.get(key);
  if (format === undefined) {
    const entry = catalog[id] as { en: string; ru: string } | undefined;
    if (entry === undefined) throw new Error(`message id not in the catalog: ${id}`);
    format = new IntlMessageFormat(entry[lang], locales[lang]);
    compiled.set(key, format);
  }
  return format;
}

function formatValue(value: MessageValue, lang: Lang): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isMessage(value)) return formatMessage(value, lang);
  if (isCountry(value)) return value[lang];
  return String(value);
}

/** A message in the reader's language; nested messages and countries are formatted first. */
export function formatMessage(message: Message, lang: Lang): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) values[name] = formatValue(value, lang);
  return String(compile(message.messageId, lang).format(values));
}

/** Shorthand for a label or sentence that the interface itself says. */
export function t(lang: Lang, messageId: MessageId, values?: Record<string, MessageValue>): string {
  return formatMessage(msg(messageId, values), lang);
}

/**
 * A JSON-ready copy in which every message field is its text in `lang`, and the message itself
 * sits beside it under `<field>Message` for programs that want the id and parameters.
 */
export function localiseMessages<T>(value: T, lang: Lang): T {
  return localise(value, lang) as T;
}

function localise(value: unknown, lang: Lang): unknown {
  if (Array.isArray(value)) return value.map((v) => (isMessage(v) ? formatMessage(v, lang) : localise(v, lang)));
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (isMessage(value)) return formatMessage(value, lang);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (isMessage(v)) {
      out[key] = formatMessage(v, lang);
      out[`${key}Message`] = v;
    } else out[key] = localise(v, lang);
  }
  return out;
}

/** Whether a section has anything it is computed from (not `basis.none`). */
export const hasBasis = (basis: Message): boolean => basis.messageId !== 'basis.none';

export type SectionStatusName = 'computed' | 'partial' | 'missing' | 'official-only';

/** A section's status in words; in Russian it agrees with the section's name («рассчитаны», «рассчитан»). */
export function statusText(lang: Lang, status: string, section?: string): string {
  const known = ['computed', 'partial', 'missing', 'official-only'].includes(status);
  if (!known) return status;
  const gender = t(lang, 'section.gender', { section: section ?? 'other' });
  return t(lang, `status.${status as SectionStatusName}`, { gender });
}

/** The JSON shape of a value after `localiseMessages`: every message is its text. */
export type Localised<T> = T extends Message
  ? string
  : T extends ReadonlyArray<infer U>
    ? Localised<U>[]
    : T extends object
      ? { [K in keyof T]: Localised<T[K]> }
      : T;
