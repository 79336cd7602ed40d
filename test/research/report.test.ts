import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyBatchInput, renderResearchReport, ROTHERHAM } from '../../src/index';
import { markdownToHtml } from '../../src/research/markdownToHtml';
import { batchArb, RULES } from '../arbitraries/research';
import { SENTINEL } from '../arbitraries/scheme';

describe('renderResearchReport', () => {
  const records = [
    classifyBatchInput(ROTHERHAM, { file: 'rotherham.json', row: null }, RULES),
    classifyBatchInput({ ...ROTHERHAM, id: 'tricky', name: '<script>alert(1)</script> & "quotes"' }, { file: 'x.csv', row: 2 }, RULES),
    classifyBatchInput({ id: 'x' }, { file: 'bad.json', row: null }, RULES),
  ];

  it('is one self-contained page with the rules hash, the charts, the heatmap, the sensitivity table, the failures and every explanation', () => {
    const html = renderResearchReport(records, RULES, { title: 'Test report' })._unsafeUnwrap();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(RULES.hash);
    for (const id of ['tier-chart', 'criteria-heatmap', 'sensitivity-chart', 'sensitivity-table', 'failure-table', 'scheme-1', 'scheme-2']) expect(html).toContain(`id="${id}"`);
    // 2 schemes x 19 criteria, stages and principles.
    expect(html.match(/<rect class="cell /g)).toHaveLength(2 * 19);
    expect(html).not.toMatch(/<script|src=|https?:\/\/(?!www\.w3\.org)/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('<code>invalid_scheme_profile</code>');
  });

  it('shows each tier as a range when it is not determined, with the facts to answer next, and cites the coder evidence', () => {
    const open = classifyBatchInput(
      { ...ROTHERHAM, id: 'open', linking: { ...ROTHERHAM.linking, contact: 'unknown' }, evidence: { 'coverage.scale': { source: 'Annual report', locator: 'p. 2' } } },
      { file: 'open.json', row: null },
      RULES,
    );
    const html = renderResearchReport([records[0]!, open], RULES)._unsafeUnwrap();
    expect(html).toContain('<td class="tier undetermined">Not determined: light to &#39;plus&#39;</td>');
    expect(html).toContain('<li>Contact with the person</li>');
    expect(html).toContain('Geographic coverage: Annual report, p. 2');
    // Heatmap: human titles as column labels, a tier column, a mark in every cell.
    expect(html).toContain('>Broad geographic coverage<title>Broad geographic coverage (plus_coverage)</title>');
    expect(html.match(/<text class="mark"/g)).toHaveLength(2 * 19);
    expect(html).toMatch(/font-style="italic">light–&#39;plus&#39;/);
    // The counts table separates determined tiers from undetermined schemes.
    expect(html).toContain('<tr><th scope="row">Not determined</th><td class="n">1</td>');
  });

  it('leaves out explanations on request, and rejects bad options', () => {
    expect(renderResearchReport(records, RULES, { explanations: false })._unsafeUnwrap()).not.toContain('id="explanations"');
    expect(renderResearchReport(records, RULES, { title: '' as string })._unsafeUnwrapErr().code).toBe('invalid_report_options');
    expect(renderResearchReport(records, RULES, { colour: 'red' } as never).isErr()).toBe(true);
  });

  it('law: determinism - the same records give the same bytes', () => {
    fc.assert(
      fc.property(batchArb(), (rs) => {
        expect(renderResearchReport(rs, RULES)._unsafeUnwrap()).toBe(renderResearchReport(rs, RULES)._unsafeUnwrap());
      }),
      { numRuns: 30 },
    );
  });

  it('law: no PII - notes and pathway labels never appear in the report', () => {
    fc.assert(
      fc.property(batchArb({ withSentinel: true }), (rs) => {
        expect(renderResearchReport(rs, RULES)._unsafeUnwrap()).not.toContain(SENTINEL);
      }),
      { numRuns: 30 },
    );
  });

  it('law: no mutation of the records', () => {
    fc.assert(
      fc.property(batchArb(), (rs) => {
        const before = JSON.stringify(rs);
        renderResearchReport(rs, RULES);
        expect(JSON.stringify(rs)).toBe(before);
      }),
      { numRuns: 20 },
    );
  });
});

describe('markdownToHtml', () => {
  it('renders the explanation subset and escapes everything else', () => {
    expect(markdownToHtml('# A \\*b\\* `c*d`\n\npara **bold** <i>\n\n| h | k |\n|---|---|\n| 1 \\| 2 | x |', 1)).toBe(
      '<h2>A *b* <code>c*d</code></h2>\n<p>para <strong>bold</strong> &lt;i&gt;</p>\n<table>\n<thead><tr><th>h</th><th>k</th></tr></thead>\n<tbody><tr><td>1 | 2</td><td>x</td></tr></tbody>\n</table>',
    );
  });

  it('law: never emits an unescaped tag from text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(markdownToHtml(s)).not.toMatch(/<(?!\/?(h[1-6]|p|strong|code|table|thead|tbody|tr|th|td)>)/);
      }),
    );
  });
});
