/**
 * The dashboard's state lives in the URL hash (#/<view>?from=BLR&to=KAZ&year=&level=6&lang=ru&...),
 * so a view can be shared by its link and the back button works.
 */
import type { Lang } from './i18n.ts';

export const views = [
  'overview',
  'basket',
  'needs',
  'supply',
  'opportunities',
  'rivals',
  'product-space',
  'complexity',
  'regions',
  'joint',
  'machinery',
  'data',
] as const;
export type ViewId = (typeof views)[number];

export interface AppState {
  view: ViewId;
  from: string;
  to: string;
  /** Empty: the newest year the store covers. */
  year: string;
  level: '4' | '6';
  lang: Lang;
  /** View-specific parameters (sort=untappedUsd:desc, product=8433, ...). */
  extra: Record<string, string>;
}

export const defaultState: AppState = {
  view: 'overview',
  from: 'BLR',
  to: 'KAZ',
  year: '',
  level: '6',
  lang: 'ru',
  extra: {},
};

export function readState(hash = location.hash): AppState {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const view = (views as readonly string[]).includes(path) ? (path as ViewId) : defaultState.view;
  const extra: Record<string, string> = {};
  for (const [key, value] of params) if (!['from', 'to', 'year', 'level', 'lang'].includes(key)) extra[key] = value;
  const level = params.get('level');
  const year = params.get('year') ?? '';
  return {
    view,
    from: (params.get('from') || defaultState.from).toUpperCase(),
    to: (params.get('to') || defaultState.to).toUpperCase(),
    year: /^\d{4}$/.test(year) ? year : '',
    level: level === '4' ? '4' : '6',
    lang: params.get('lang') === 'en' ? 'en' : 'ru',
    extra,
  };
}

export function stateHash(state: AppState): string {
  const params = new URLSearchParams({ from: state.from, to: state.to, level: state.level, lang: state.lang });
  if (state.year !== '') params.set('year', state.year);
  for (const [key, value] of Object.entries(state.extra)) if (value !== '') params.set(key, value);
  return `#/${state.view}?${params.toString()}`;
}

/** Changes the state by writing the hash (a hashchange re-renders). */
export function navigate(change: Partial<AppState>, keepExtra = false): void {
  const current = readState();
  const next: AppState = {
    ...current,
    ...change,
    extra:
      change.extra ?? (keepExtra || change.view === undefined || change.view === current.view ? current.extra : {}),
  };
  const hash = stateHash(next);
  if (hash !== location.hash) location.hash = hash;
}

/** Updates view-specific parameters without adding a history entry. */
export function replaceExtra(extra: Record<string, string>): void {
  const current = readState();
  history.replaceState(null, '', stateHash({ ...current, extra: { ...current.extra, ...extra } }));
}
