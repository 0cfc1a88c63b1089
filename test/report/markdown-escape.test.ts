/** The Markdown report does not pass HTML from data through (a dataset's licence or file name is text). */
import { describe, expect, it } from 'vitest';
import { escapeMarkdownHtml, renderMarkdown } from '../../src/report/markdown.ts';
import { fixtureReport } from '../support/report-model.ts';

describe('Markdown escapes HTML from data', () => {
  it('escapes what would open a tag, comment or entity, and leaves arrows and comparisons alone', () => {
    expect(escapeMarkdownHtml('<script>alert(1)</script>')).toBe('&lt;script>alert(1)&lt;/script>');
    expect(escapeMarkdownHtml('<!-- x --> <?php ?> <img src=x>')).toBe('&lt;!-- x --> &lt;?php ?> &lt;img src=x>');
    expect(escapeMarkdownHtml('&lt; &#60; &amp')).toBe('&amp;lt; &amp;#60; &amp');
    expect(escapeMarkdownHtml('BLR<->KAZ, RCA < 1, 2 > 1, R&D')).toBe('BLR<->KAZ, RCA < 1, 2 > 1, R&D');
  });

  it('a licence with a script and a file name with an image tag come out as text', async () => {
    const report = await fixtureReport();
    const hostile = structuredClone(report);
    hostile.datasets = hostile.datasets.map((d, i) =>
      i === 0
        ? { ...d, licence: '<script>alert("licence")</script>', fileName: '<img src=x onerror=alert(1)>.csv' }
        : d,
    );
    for (const lang of ['en', 'ru'] as const) {
      const md = renderMarkdown(hostile, lang);
      expect(md).not.toMatch(/<script|<img/i);
      expect(md).toContain('&lt;script>alert("licence")&lt;/script>');
      expect(md).toContain('&lt;img src=x onerror=alert(1)>.csv');
    }
  });
});
