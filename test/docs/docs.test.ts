// The documentation cannot rot: every code example in the guides and the
// README is (part of) a real file under examples/, which the test command
// runs against the built package; and every guide is in the site.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchCsvColumns, resolveClassificationRules } from '../../src/index';

const examples = readdirSync('examples')
  .filter((f) => /\.(ts|cjs|mjs)$/.test(f))
  .map((f) => readFileSync(`examples/${f}`, 'utf8'));
const guides = readdirSync('docs').filter((f) => f.endsWith('.md'));

function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```(?:ts|typescript|js|javascript)\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
}

describe('documentation', () => {
  for (const file of ['README.md', ...guides.map((g) => `docs/${g}`)]) {
    it(`every code example in ${file} is a runnable file under examples/`, () => {
      for (const block of codeBlocks(readFileSync(file, 'utf8'))) {
        expect(examples.some((source) => source.includes(block)), block.slice(0, 80)).toBe(true);
      }
    });
  }

  it('the rules hash quoted in the research guide is the default rules hash', () => {
    const hash = resolveClassificationRules({})._unsafeUnwrap().hash;
    const quoted = [...readFileSync('docs/classifying-schemes-for-research.md', 'utf8').matchAll(/sha256:[0-9a-f]{64}/g)].map((m) => m[0]);
    expect(quoted.length).toBeGreaterThan(0);
    for (const q of quoted) expect(q).toBe(hash);
  });

  it('every guide in docs/ is a page of the site', () => {
    const config = JSON.parse(readFileSync('typedoc.json', 'utf8')) as { projectDocuments: string[] };
    for (const g of guides) expect(config.projectDocuments).toContain(`docs/${g}`);
  });

  it('every error code in the source is in the error catalogue', () => {
    const catalogue = readFileSync('docs/errors.md', 'utf8');
    const sources = readdirSync('src', { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.ts'))
      .map((d) => readFileSync(`${d.parentPath}/${d.name}`, 'utf8'))
      .join('\n');
    const codes = new Set([
      ...[...sources.matchAll(/createValidationError\(\s*'([a-z_]+)'/g)].map((m) => m[1]!),
      // Plain error objects: { kind: '...', code: '...' }.
      ...[...sources.matchAll(/\bkind: '[a-z_]+',\s*code: '([a-z_]+)'/g)].map((m) => m[1]!),
    ]);
    expect(codes.size).toBeGreaterThan(0);
    for (const code of codes) expect(catalogue, code).toContain(`\`${code}\``);
  });

  it('the research guide names every column of the results CSV (the list cannot drift from batchCsvColumns)', () => {
    const guide = readFileSync('docs/classifying-schemes-for-research.md', 'utf8');
    const rules = resolveClassificationRules({})._unsafeUnwrap();
    for (const name of batchCsvColumns(rules)) {
      const documented = guide.includes(`\`${name}\``) || /^(outcome_|tier_at_threshold_|highest_possible_tier_at_threshold_)/.test(name);
      expect(documented, name).toBe(true);
    }
  });
});
