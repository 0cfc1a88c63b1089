/**
 * Markdown report snapshots (style guide §11): the worked-example fixture rendered in English
 * and Russian, compared with the committed files in test/output/. A changed snapshot is
 * reviewed like code (vitest -u rewrites them).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/analysis/index.ts';
import { renderMarkdown } from '../../src/report/index.ts';
import { fixtureReport } from '../support/report-model.ts';

describe('renderMarkdown', () => {
  let report: ReportModel;
  beforeAll(async () => {
    report = await fixtureReport();
  });

  it('English report matches test/output/report-blr-kaz.en.md', async () => {
    const md = renderMarkdown(report, 'en');
    expect(md).toContain('# Belarus → Kazakhstan: trade cooperation report');
    await expect(md).toMatchFileSnapshot('../output/report-blr-kaz.en.md');
  });

  it('Russian report matches test/output/report-blr-kaz.ru.md', async () => {
    const md = renderMarkdown(report, 'ru');
    expect(md).toContain('# Беларусь → Казахстан: отчёт о торговом сотрудничестве');
    await expect(md).toMatchFileSnapshot('../output/report-blr-kaz.ru.md');
  });
});
