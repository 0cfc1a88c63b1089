/**
 * Flags every command reads the same way. One `--level` convention: hs2, hs4, hs6 or 2, 4, 6 (any case),
 * each command saying which levels it takes.
 */
import { InvalidOptionError } from '../errors.ts';

export type HsLevelFlag = 2 | 4 | 6;

/** The HS level of a `--level` flag, or `fallback` when it is not given. @throws InvalidOptionError */
export function parseLevel<L extends HsLevelFlag>(text: string | undefined, allowed: readonly L[], fallback: L): L;
export function parseLevel<L extends HsLevelFlag>(text: string | undefined, allowed: readonly L[]): L | undefined;
export function parseLevel<L extends HsLevelFlag>(
  text: string | undefined,
  allowed: readonly L[],
  fallback?: L,
): L | undefined {
  if (text === undefined) return fallback;
  const match = /^(?:hs)?([246])$/i.exec(text.trim());
  const level = match ? (Number(match[1]) as L) : undefined;
  if (level === undefined || !allowed.includes(level)) {
    const choices = allowed.map((l) => `hs${l}`).join(', ');
    throw new InvalidOptionError(`invalid --level: ${text} (${choices}, or the digits alone)`, { value: text });
  }
  return level;
}

/** The help text of a `--level` option: its levels in both spellings and its default, said once. */
export function levelHelp(allowed: readonly HsLevelFlag[], what: string, fallback?: string): string {
  return `[${allowed.map((l) => `hs${l}`).join('|')}] ${what}; 4 and hs4 are the same${fallback ? ` (default: ${fallback})` : ''}`;
}

/** Russian when the environment's locale is Russian, English otherwise. */
export function defaultLang(): 'ru' | 'en' {
  const env = process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || '';
  return /^ru/i.test(env) ? 'ru' : 'en';
}

/**
 * The language of a `--lang` flag. Without one: Russian when the locale is Russian or the user wrote in Cyrillic
 * (`products --search комбайн` answers in Russian), English otherwise. @throws InvalidOptionError
 */
export function parseLang(text: string | undefined, typed?: string): 'ru' | 'en' {
  if (text === undefined) return typed !== undefined && /[\u0400-\u04FF]/.test(typed) ? 'ru' : defaultLang();
  if (text !== 'en' && text !== 'ru')
    throw new InvalidOptionError(`invalid --lang: ${text} (en or ru)`, { value: text });
  return text;
}
