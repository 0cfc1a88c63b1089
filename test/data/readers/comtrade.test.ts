import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeStore } from '../../../src/data/index.ts';
import { openTempStore, tempDir, writeTemp } from '../../support/store.ts';

// Current UN Comtrade (comtradeplus) CSV header, as the download tool writes it.
const currentHeader =
  'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate';

function currentRow(o: {
  year: number;
  reporter: number;
  flow: string;
  partner: number;
  cmd: string;
  valueUsd: number;
  netWgtKg: string;
  mot?: number;
  partner2?: number;
}): string {
  const cells = [
    'C',
    'A',
    `${o.year}0101`,
    o.year,
    52,
    o.year,
    o.reporter,
    '',
    '',
    o.flow,
    '',
    o.partner,
    '',
    '',
    o.partner2 ?? 0,
    '',
    '',
    'H5',
    'HS',
    'True',
    o.cmd,
    '"desc, with comma"',
    6,
    'True',
    'C00',
    '',
    0,
    o.mot ?? 0,
    '',
    8,
    'kg',
    '',
    'False',
    -1,
    '',
    0,
    'False',
    o.netWgtKg,
    'False',
    '',
    'False',
    '',
    '',
    o.valueUsd,
    0,
    'True',
    'False',
  ];
  return cells.join(',');
}

const legacyHeader =
  'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,2nd Partner Code,2nd Partner,2nd Partner ISO,Customs Proc. Code,Customs,Mode of Transport Code,Mode of Transport,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Alt Qty Unit Code,Alt Qty Unit,Alt Qty,Netweight (kg),Gross weight (kg),Trade Value (US$),CIF Trade Value (US$),FOB Trade Value (US$),Flag';

function legacyRow(o: {
  year: number;
  flowCode: number;
  flow: string;
  reporter: number;
  partner: number;
  cmd: string;
  valueUsd: number;
  netWgtKg: string;
}): string {
  return [
    'H5',
    o.year,
    o.year,
    o.year,
    6,
    1,
    o.flowCode,
    o.flow,
    o.reporter,
    'X',
    '',
    o.partner,
    'Y',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    o.cmd,
    'Z',
    8,
    'kg',
    '',
    '',
    '',
    '',
    o.netWgtKg,
    '',
    o.valueUsd,
    '',
    '',
    0,
  ].join(',');
}

describe('UN Comtrade reader', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();
  beforeAll(async () => ({ store, cleanup } = await openTempStore(false)));
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  it('reads the current header: imports and exports from the reporter side, World kept, breakdowns and re-exports skipped', async () => {
    const rows = [
      // Kazakhstan (398) imports from Belarus (112): combines and tractors.
      currentRow({
        year: 2022,
        reporter: 398,
        flow: 'M',
        partner: 112,
        cmd: '843351',
        valueUsd: 12_500_000,
        netWgtKg: '250000',
      }),
      currentRow({
        year: 2022,
        reporter: 398,
        flow: 'M',
        partner: 112,
        cmd: '870190',
        valueUsd: 40_000_000,
        netWgtKg: '1500000',
      }),
      // The same flow by mode of transport (a breakdown of the row above): skipped.
      currentRow({
        year: 2022,
        reporter: 398,
        flow: 'M',
        partner: 112,
        cmd: '870190',
        valueUsd: 39_000_000,
        netWgtKg: '1400000',
        mot: 3100,
      }),
      // Imports from the World: kept as exporter WLD.
      currentRow({
        year: 2022,
        reporter: 398,
        flow: 'M',
        partner: 0,
        cmd: '843351',
        valueUsd: 90_000_000,
        netWgtKg: '',
      }),
      // Kazakhstan's exports to Belarus.
      currentRow({
        year: 2022,
        reporter: 398,
        flow: 'X',
        partner: 112,
        cmd: '270112',
        valueUsd: 3_000_000,
        netWgtKg: '20000000',
      }),
      // A re-export: skipped.
      currentRow({ year: 2022, reporter: 398, flow: 'RX', partner: 112, cmd: '270112', valueUsd: 1, netWgtKg: '1' }),
    ];
    const file = writeTemp(dir.path, 'TradeData_current.csv', [currentHeader, ...rows].join('\r\n') + '\r\n');
    const result = await store.ingest(file);
    expect(result.dataset.format).toBe('comtrade');
    expect(result.dataset.hsRevision).toBe('HS17');
    expect(result.dataset.rows).toBe(4);
    const flows = await store.query<{
      exporter: string;
      importer: string;
      product: string;
      value_usd: number;
      qty_tonnes: number | null;
      reporter: string;
    }>(
      `SELECT exporter, importer, product, value_usd, qty_tonnes, reporter FROM flows WHERE source = 'comtrade' ORDER BY exporter, product`,
    );
    expect(flows).toEqual([
      { exporter: 'BLR', importer: 'KAZ', product: '843351', value_usd: 12_500_000, qty_tonnes: 250, reporter: 'KAZ' },
      { exporter: 'BLR', importer: 'KAZ', product: '870190', value_usd: 40_000_000, qty_tonnes: 1500, reporter: 'KAZ' },
      { exporter: 'KAZ', importer: 'BLR', product: '270112', value_usd: 3_000_000, qty_tonnes: 20000, reporter: 'KAZ' },
      { exporter: 'WLD', importer: 'KAZ', product: '843351', value_usd: 90_000_000, qty_tonnes: null, reporter: 'KAZ' },
    ]);
  });

  it('reads the legacy header (Trade Flow Code 1/2, Netweight (kg), Trade Value (US$))', async () => {
    const rows = [
      legacyRow({
        year: 2019,
        flowCode: 1,
        flow: 'Import',
        reporter: 112,
        partner: 398,
        cmd: '2710',
        valueUsd: 5_000_000,
        netWgtKg: '7000000',
      }),
      legacyRow({
        year: 2019,
        flowCode: 2,
        flow: 'Export',
        reporter: 112,
        partner: 398,
        cmd: '0405',
        valueUsd: 8_000_000,
        netWgtKg: '2000000',
      }),
    ];
    const file = writeTemp(dir.path, 'comtrade_legacy.csv', [legacyHeader, ...rows].join('\n') + '\n');
    const result = await store.ingest(file);
    expect(result.dataset.format).toBe('comtrade');
    const flows = await store.query<{
      exporter: string;
      importer: string;
      product: string;
      value_usd: number;
      qty_tonnes: number;
      reporter: string;
    }>(
      `SELECT exporter, importer, product, value_usd, qty_tonnes, reporter FROM flows WHERE year = 2019 ORDER BY exporter`,
    );
    expect(flows).toEqual([
      { exporter: 'BLR', importer: 'KAZ', product: '0405', value_usd: 8_000_000, qty_tonnes: 2000, reporter: 'BLR' },
      { exporter: 'KAZ', importer: 'BLR', product: '2710', value_usd: 5_000_000, qty_tonnes: 7000, reporter: 'BLR' },
    ]);
  });

  // Found while writing the fuzzer's regression tests: without a weight column the ingest
  // query left parameter $6 unused and DuckDB refused to bind it, so no such file could be read.
  it('reads a file without a net weight column (quantities missing)', async () => {
    const file = writeTemp(
      dir.path,
      'no_weight.csv',
      'refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n2018,112,M,398,8433,5\n2018,112,X,643,0101,7\n',
    );
    const result = await store.ingest(file);
    expect(result.dataset.rows).toBe(2);
    const flows = await store.query(
      `SELECT exporter, importer, product, value_usd, qty_tonnes, reporter FROM flows WHERE year = 2018 ORDER BY exporter`,
    );
    expect(flows).toEqual([
      { exporter: 'BLR', importer: 'RUS', product: '0101', value_usd: 7, qty_tonnes: null, reporter: 'BLR' },
      { exporter: 'KAZ', importer: 'BLR', product: '8433', value_usd: 5, qty_tonnes: null, reporter: 'BLR' },
    ]);
  });

  it('refuses monthly data with the line and value', async () => {
    const row = currentRow({
      year: 2022,
      reporter: 398,
      flow: 'M',
      partner: 112,
      cmd: '843351',
      valueUsd: 1,
      netWgtKg: '1',
    }).replace('C,A,', 'C,M,');
    const file = writeTemp(dir.path, 'monthly.csv', `${currentHeader}\n${row}\n`);
    await expect(store.ingest(file)).rejects.toMatchObject({
      code: 'KRV_INGEST_UNKNOWN_FORMAT',
      line: 2,
      column: 'freqCode',
      value: 'M',
    });
  });
});
