// @ts-check
// Mutation testing (issue 16): `npm run mutation` runs Stryker one scope at a time
// (scripts/mutation.mjs), because the machine it runs on has two cores. Each scope
// mutates a few files and runs only the test files that exercise them, in incremental
// mode: a rerun after a small change re-tests only the mutants the change touched.
// Choose the scope with MUTATION_SCOPE (see SCOPES); with no scope, the classifier.

/** @type {Record<string, { mutate: string[]; testFiles: string[]; timeoutMS?: number }>} */
export const SCOPES = {
  // The scoring scopes leave out test/scoring/laws.test.ts (long properties over every
  // profile): each mutant is judged by the exact tests and the brute-force bounds.
  classify: {
    mutate: ['src/scoring/classifyScheme.ts', 'src/scoring/tierBounds.ts', 'src/scoring/decisiveFacts.ts'],
    testFiles: ['test/scoring/classify*.test.ts', 'test/scoring/decisive*.test.ts', 'test/scoring/bounds.test.ts', 'test/scoring/paperCases.test.ts'],
  },
  rubric: {
    mutate: ['src/scoring/compileRubric.ts', 'src/scoring/compileFactVector.ts', 'src/scoring/compileFunction.ts', 'src/scoring/summarisePathways.ts', 'src/scoring/paramState.ts', 'src/scoring/parseRubric.ts', 'src/scoring/rubricSchema.ts', 'src/scoring/errors.ts', 'src/scoring/rubrics/*.ts'],
    testFiles: ['test/scoring/rubric*.test.ts', 'test/scoring/classify.mutation.test.ts', 'test/scoring/decisive*.test.ts', 'test/scoring/paperCases.test.ts', 'test/scoring/cspFallback.test.ts'],
  },
  explain: {
    mutate: ['src/scoring/explainClassification.ts'],
    testFiles: ['test/scoring/explain*.test.ts'],
  },
  pathway: {
    mutate: ['src/pathway/evaluateRule.ts'],
    testFiles: ['test/pathway/**/*.test.ts'],
  },
  // The award solver: the exact tests and small brute-force laws only (the HiGHS
  // cross-checks and the bench's rounds take minutes per mutant on two cores).
  commissioning: {
    mutate: ['src/commissioning/solver.ts', 'src/commissioning/solverBound.ts', 'src/commissioning/decideAwards.ts'],
    testFiles: ['test/commissioning/*.mutation.test.ts', 'test/commissioning/optimal.test.ts', 'test/commissioning/solverBound.test.ts'],
    // Many of the solver's mutants loop or search far longer: a tighter margin over the tests' own time.
    timeoutMS: 10000,
  },
  referral: {
    mutate: ['src/referral/lifecycle.ts', 'src/referral/applyEvent.ts'],
    testFiles: ['test/referral/lifecycle*.test.ts', 'test/referral/replayReferrals.test.ts'],
  },
  // A log read whole (issue 14): the reading, the table of ids and the two folds over it (replay's, and the metrics').
  referralLog: {
    mutate: ['src/referral/prepareReferralLog.ts', 'src/referral/idSet.ts', 'src/referral/replayReferrals.ts', 'src/referral/metricsAccumulator.ts'],
    testFiles: ['test/referral/prepareReferralLog.test.ts', 'test/referral/idSet.test.ts', 'test/referral/replayReferrals.test.ts', 'test/referral/streaming.test.ts', 'test/referral/computeReferralMetrics.test.ts'],
  },
};

const scopeName = process.env.MUTATION_SCOPE ?? 'classify';
const scope = SCOPES[scopeName];
if (scope === undefined) throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(SCOPES).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: scope.mutate,
  testFiles: scope.testFiles,
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one or two test processes.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: scope.timeoutMS ?? 20000,
  // Static mutants (module-level constants such as the rubric tables) need a full
  // reload per mutant, and the vitest runner reports them Survived when testFiles is
  // set (stryker-js#6209). They are ignored; the rubric tables are pinned by
  // test/scoring/rubric.test.ts's snapshot instead.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/mutation/${scopeName}.incremental.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${scopeName}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // One temporary directory per scope, so two scopes can run at once; neither copies
  // the other's sandboxes or the reports into its own.
  tempDirName: `.stryker-tmp-${scopeName}`,
  ignorePatterns: ['/.stryker-tmp*', '/reports'],
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
