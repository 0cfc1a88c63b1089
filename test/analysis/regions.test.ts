/**
 * Regions for interregional cooperation: every oblast of Kazakhstan is listed (with or without
 * figures), every figure names its page and date, the coverage is what the figures add up to
 * (worked by hand here from the file's numbers), and an oblast's combine demand is the planner's F3
 * worked by hand from the class and preset values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { belarusRegions, kazakhstanRegions } from '../../src/analysis/index.ts';

const file = JSON.parse(readFileSync(new URL('../../data/regions/regions.json', import.meta.url), 'utf8'));
const catalog = JSON.parse(readFileSync(new URL('../../data/machinery/catalog.json', import.meta.url), 'utf8'));
const presets = JSON.parse(readFileSync(new URL('../../data/machinery/presets.json', import.meta.url), 'utf8'));

describe('regions', () => {
  const k = kazakhstanRegions();

  it("lists Kazakhstan's 17 oblasts, each figure with a web address and a date", () => {
    expect(k.oblasts).toHaveLength(17);
    expect(k.oblasts.map((o) => o.nameRu)).toContain('Костанайская');
    for (const f of [...k.national, ...k.oblasts.flatMap((o) => o.figures)]) {
      expect(f.source.url).toMatch(/^https?:\/\//);
      expect(f.source.date).toMatch(/\d{4}/);
      expect(f.quote.length).toBeGreaterThan(5);
    }
  });

  it('says how much of the national wheat area the oblasts with figures cover, and that it is incomplete', () => {
    const wheat = (o: { figures: Array<{ measure: string; year: number; value: number }> }) =>
      o.figures.find((f) => f.measure === 'wheatArea' && f.year === 2023)?.value ?? 0;
    const sum = (file.kazakhstan.oblasts as Array<{ figures: [] }>).reduce((s, o) => s + wheat(o), 0);
    const national = wheat({ figures: file.kazakhstan.national });
    const coverage = k.coverage.find((c) => c.measure === 'wheatArea')!;
    expect(coverage.oblastsWithFigure).toBe(3);
    expect(coverage.sumThousandHa).toBeCloseTo(sum, 9); // 4,224.0 + 3,806.3 + 2,605.5 = 10,635.8
    expect(coverage.shareOfNational).toBeCloseTo(sum / national, 12); // 77.5 % of 13,720
    // Issue 17's acceptance (within 5 % of the national figure) is not met by the figures found.
    expect(coverage.complete).toBe(false);
  });

  it("turns North Kazakhstan's wheat area into combines by F1-F3, beside the 7,300 it reports at work", () => {
    const nk = k.oblasts.find((o) => o.id === 'north-kazakhstan')!;
    const cls = catalog.classes.find((c: { id: string }) => c.id === 'combine-sp-9m');
    const preset = presets.presets.find((p: { id: string }) => p.id === 'kz-wheat-2023');
    // F1: width × speed × efficiency / 10 ha/h; F2: × hours a day × window days × workable share (defaults 8 and 1).
    const haPerHour = (cls.widthM.typical * cls.speedKmh.typical * cls.fieldEfficiency.typical) / 10;
    const areaPerCombine = haPerHour * 8 * preset.values.windowDays.value * 1;
    expect(nk.fleet!.combinesNeeded).toBe(Math.ceil((2605.5 * 1000) / areaPerCombine));
    expect(nk.fleet!.combinesWorking?.value).toBe(7300);
    expect(k.oblasts.find((o) => o.id === 'abai')!.fleet).toBeNull();
  });

  it("lists Belarus's regions with their makers, Gomselmash in Gomel", () => {
    const b = belarusRegions();
    expect(b.regions.map((r) => r.id)).toEqual(['brest', 'vitebsk', 'gomel', 'grodno', 'minsk', 'mogilev']);
    const gomel = b.regions.find((r) => r.id === 'gomel')!;
    expect(gomel.makers[0]!.nameRu).toBe('ОАО «Гомсельмаш»');
    expect(b.regions.find((r) => r.id === 'brest')!.makers).toEqual([]);
  });
});
