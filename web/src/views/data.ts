/** Data: the datasets in the store, the pair's coverage section by section, and how to add BACI / Comtrade files. */
import type { DatasetRecord } from '../../../src/data/index.ts';
import { forgetCache, getJson, withQuery } from '../api.ts';
import { commandText, errorBox, panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatInteger, formatNumber, t } from '../i18n.ts';
import type { ViewContext } from './context.ts';

interface Sources {
  baci: string;
  comtradeImporterImports: string;
  comtradeExporterExports: string;
  ingest: { enabled: boolean; maxUploadMb: number; command: string };
}

interface IngestStatus {
  running: boolean;
  phase?: 'upload' | 'ingest';
  elapsedMs?: number;
}

function uploadForm(sources: Sources): HTMLElement {
  if (!sources.ingest.enabled) return h('p', { class: 'muted' }, commandText(t('uploadOff')));
  const progress = h('progress', { max: 1, value: 0, hidden: true });
  const status = h('p', { class: 'status', role: 'status' });
  const form = h(
    'form',
    {
      class: 'upload',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const input = (e.target as HTMLFormElement).querySelector('input[type=file]') as HTMLInputElement;
        const file = input.files?.[0];
        if (!file) return;
        const data = new FormData();
        data.append('file', file);
        const xhr = new XMLHttpRequest();
        progress.hidden = false;
        let poll: ReturnType<typeof setInterval> | undefined;
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) progress.value = event.loaded / event.total;
          status.textContent = `${t('uploading')}: ${formatNumber(event.loaded / 1048576, 1)} / ${formatNumber(event.total / 1048576, 1)} MB`;
        };
        xhr.upload.onload = () => {
          progress.removeAttribute('value');
          poll = setInterval(() => {
            void getJson<IngestStatus>(`/api/ingest/status?t=${Date.now()}`).then((s) => {
              if (s.running)
                status.textContent = `${t('ingesting')}… ${formatInteger((s.elapsedMs ?? 0) / 1000)} ${t('seconds')}`;
            });
          }, 1000);
        };
        xhr.onloadend = () => {
          clearInterval(poll);
          progress.hidden = true;
          let body: { status?: string; dataset?: DatasetRecord; message?: string; hint?: string } = {};
          try {
            body = JSON.parse(xhr.responseText) as typeof body;
          } catch {
            body = { message: xhr.statusText };
          }
          if (xhr.status === 200) {
            status.textContent = `${body.status === 'unchanged' ? t('unchanged') : t('imported')}: ${body.dataset?.fileName ?? ''}`;
            forgetCache();
          } else {
            status.replaceChildren(
              errorBox(new Error(`${body.message ?? xhr.status}${body.hint ? ` (${body.hint})` : ''}`)),
            );
          }
        };
        xhr.open('POST', '/api/ingest');
        xhr.send(data);
      },
    },
    h('input', { type: 'file', name: 'file', accept: '.csv,.gz,.zip', required: true }),
    h('button', { type: 'submit' }, t('upload')),
    progress,
  );
  return h('div', {}, form, status);
}

/**
 * An instruction of /api/sources as a sentence of its own: the API writes them to follow each other
 * ("or download from UN Comtrade ..."), here each stands under its heading.
 */
function sentence(text: string): string {
  const own = text.replace(/^(or|или) /, '');
  return own.charAt(0).toUpperCase() + own.slice(1);
}

export async function renderData(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const sources = await getJson<Sources>(
    withQuery('/api/sources', { exporter: state.from, importer: state.to, lang: state.lang }),
  );
  if (ctx.stale()) return;
  main.append(panel({ title: t('dataTitle'), url: withQuery('/api/datasets', {}), tableId: 'datasets', chart: null }));
  if (state.from !== state.to) {
    main.append(
      panel({
        title: `${t('coverageTitle')}: ${state.from} → ${state.to}`,
        url: withQuery('/api/coverage', { exporter: state.from, importer: state.to }),
        tableId: 'sections',
        chart: null,
      }),
    );
  }
  main.append(
    h(
      'section',
      { class: 'panel', dataset: { panel: 'sources' } },
      h('header', {}, h('h2', {}, t('howToAdd'))),
      h(
        'div',
        { class: 'panel-body' },
        h('h3', {}, t('baciHow')),
        h('p', {}, commandText(sentence(sources.baci))),
        h('h3', {}, t('comtradeHow')),
        h('p', {}, commandText(sentence(sources.comtradeImporterImports))),
        h('p', {}, commandText(sentence(sources.comtradeExporterExports))),
        h('h3', {}, t('upload')),
        uploadForm(sources),
      ),
    ),
  );
}
