/** Country and product look-ups: the same functions as `karavan countries` and `karavan products`. */
import type { FastifyInstance } from 'fastify';
import {
  checkProductCode,
  listCountries,
  productNames,
  resolveCountry,
  searchProducts,
  type CountryRecord,
  type ProductRecord,
} from '../../data/index.ts';
import { sendResult } from '../respond.ts';
import type { Lang, ResultTable } from '../tables.ts';
import { getCountrySchema, getProductSchema, listCountriesSchema, listProductsSchema } from './reference.schema.ts';

const countryTable = (rows: CountryRecord[]): ResultTable[] => [
  {
    id: 'countries',
    en: 'Countries',
    ru: 'Страны',
    columns: [
      { key: 'iso3', en: 'ISO3', ru: 'ISO3' },
      { key: 'iso2', en: 'ISO2', ru: 'ISO2' },
      { key: 'numeric', en: 'Numeric', ru: 'Цифровой код' },
      { key: 'kind', en: 'Kind', ru: 'Вид' },
      { key: 'nameEn', en: 'English', ru: 'Английский' },
      { key: 'nameRu', en: 'Russian', ru: 'Русский' },
    ],
    rows,
  },
];

const productTable = (rows: ProductRecord[]): ResultTable[] => [
  {
    id: 'products',
    en: 'HS products',
    ru: 'Товары ТН ВЭД',
    columns: [
      { key: 'code', en: 'HS code', ru: 'Код' },
      { key: 'level', en: 'Level', ru: 'Уровень', kind: 'integer' },
      { key: 'section', en: 'Section', ru: 'Раздел' },
      { key: 'name', en: 'Name', ru: 'Наименование' },
    ],
    rows,
  },
];

export default async function referenceRoutes(app: FastifyInstance): Promise<void> {
  app.get('/countries', { schema: listCountriesSchema }, (request, reply) => {
    const { search } = request.query as { search?: string };
    return sendResult(request, reply, {
      fileName: 'countries',
      compute: () => listCountries(app.store, search),
      tables: countryTable,
    });
  });

  app.get('/countries/:country', { schema: getCountrySchema }, (request, reply) => {
    const { country } = request.params as { country: string };
    return sendResult(request, reply, { fileName: 'country', compute: () => resolveCountry(app.store, country) });
  });

  app.get('/products', { schema: listProductsSchema }, (request, reply) => {
    const q = request.query as { search?: string; level?: 2 | 4 | 6; limit: number; lang: Lang };
    return sendResult(request, reply, {
      fileName: 'products',
      compute: () => searchProducts(app.store, { search: q.search, level: q.level, lang: q.lang, limit: q.limit }),
      tables: productTable,
    });
  });

  app.get('/products/:code', { schema: getProductSchema }, (request, reply) => {
    const { code } = request.params as { code: string };
    const { lang } = request.query as { lang: Lang };
    return sendResult(request, reply, {
      fileName: `product-${code}`,
      compute: async () => {
        const checked = await checkProductCode(app.store, code);
        return lang === 'en' ? checked : ((await productNames(app.store, [code], lang)).get(code) ?? checked);
      },
    });
  });
}
