/** GET /api/regions: the regional facts, the same core and tables as `karavan regions`. */
import type { FastifyInstance } from 'fastify';
import { belarusRegions, kazakhstanRegions } from '../../analysis/index.ts';
import { SourceList, belarusRegionTable, kazakhstanRegionTable } from '../../report/region-tables.ts';
import { sendResult } from '../respond.ts';
import { regionsSchema } from './regions.schema.ts';

export default async function regionRoutes(app: FastifyInstance): Promise<void> {
  app.get('/regions', { schema: regionsSchema }, (request, reply) => {
    const q = request.query as { country: 'KAZ' | 'BLR' };
    return sendResult(request, reply, {
      fileName: `regions-${q.country.toLowerCase()}`,
      compute: async () => (q.country === 'KAZ' ? { kazakhstan: kazakhstanRegions() } : { belarus: belarusRegions() }),
      tables: (r, lang) => {
        const sources = new SourceList();
        const table =
          'kazakhstan' in r && r.kazakhstan
            ? kazakhstanRegionTable(r.kazakhstan, lang, sources)
            : belarusRegionTable((r as { belarus: ReturnType<typeof belarusRegions> }).belarus, lang, sources);
        // The numbered sources the table's cells cite, as a second table.
        return [
          table,
          {
            id: 'sources',
            en: 'Sources',
            ru: 'Источники',
            columns: [
              { key: 'number', en: 'No.', ru: '№', kind: 'integer' as const },
              { key: 'title', en: 'Title', ru: 'Название' },
              { key: 'publisher', en: 'Publisher', ru: 'Издатель' },
              { key: 'date', en: 'Date', ru: 'Дата' },
              { key: 'url', en: 'Address', ru: 'Адрес' },
            ],
            rows: sources.sources.map((s, i) => ({ number: i + 1, ...s })),
          },
        ];
      },
    });
  });
}
