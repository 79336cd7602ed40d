// Arbitraries for grant rounds, bids and score sheets, built from the same
// constants as the schemas in src/commissioning (a meta-property in
// test/commissioning checks every generated value parses). Instances use a
// few need domains, providers and areas so ring-fences, caps and conflicts bite.
import fc from 'fast-check';
import {
  PROVIDER_TYPES,
  SERVICE_AREAS,
  TURNOVER_BANDS,
  type BidInput,
  type GrantRoundInput,
  type NeedDomain,
  type ProviderType,
  type ScoreSheetInput,
} from '../../src/index';
import { AREA_CODES } from './pathway';
import { SENTINEL } from './scheme';

export const DOMAINS: readonly NeedDomain[] = ['mental_wellbeing', 'loneliness_and_isolation', 'physical_activity', 'money_and_debt'];

export interface Instance {
  readonly round: GrantRoundInput & { ringFences: NonNullable<GrantRoundInput['ringFences']> };
  readonly bids: BidInput[];
  readonly sheets: ScoreSheetInput[];
}

export interface InstanceOptions {
  readonly minBids?: number;
  readonly maxBids?: number;
  /** Put the sentinel in every free-text field (names, notes, summaries, comments). */
  readonly withSentinel?: boolean;
  /** Make (nearly) every bid eligible and scored, so the solver laws are exercised. */
  readonly mostlyEligible?: boolean;
}

const text = (withSentinel: boolean, base: string): string => (withSentinel ? `${base} ${SENTINEL}` : base);

const ringFencesArb = fc
  .uniqueArray(fc.constantFrom(...DOMAINS), { maxLength: 3 })
  .chain((domains) => fc.tuple(fc.constant(domains), fc.array(fc.integer({ min: 15, max: 60 }), { minLength: domains.length, maxLength: domains.length })))
  .filter(([, pcts]) => pcts.reduce((a, b) => a + b, 0) <= 100)
  .map(([domains, pcts]) => domains.map((needDomain, i) => ({ id: `rf-${i}`, needDomain, minimumPercent: pcts[i]! })));

/** A round together with bids and score sheets that fit it. */
/** The history of a round opened 1 April 2025, closed 1 June and being assessed: a round `decideAwards` accepts. */
export const ASSESSED_HISTORY = [
  { event: 'open', from: 'draft', to: 'open', at: '2025-04-01T00:00:00.000Z', by: 'officer' },
  { event: 'close', from: 'open', to: 'closed', at: '2025-06-01T00:00:00.000Z', by: 'officer' },
  { event: 'start_assessment', from: 'closed', to: 'assessing', at: '2025-06-02T00:00:00.000Z', by: 'chair' },
] as const;

export const instanceArb = (options: InstanceOptions = {}): fc.Arbitrary<Instance> => {
  const s = options.withSentinel ?? false;
  const eligibleBias = options.mostlyEligible ?? false;
  return fc
    .record({
      budgetPounds: fc.integer({ min: 0, max: 60_000 }),
      grantMinPounds: fc.integer({ min: 0, max: 1_000 }),
      grantMaxPounds: fc.integer({ min: 2_000, max: 20_000 }),
      providerTypes: fc.uniqueArray(fc.constantFrom(...PROVIDER_TYPES), { minLength: eligibleBias ? 6 : 1, maxLength: 6 }),
      maxTurnoverBand: fc.option(fc.constantFrom(...TURNOVER_BANDS), { nil: undefined }),
      areas: fc.uniqueArray(fc.constantFrom(...AREA_CODES), { maxLength: 3 }),
      userLedGroupsAllowed: eligibleBias ? fc.constant(true) : fc.boolean(),
      mustServePriority: eligibleBias ? fc.constant(false) : fc.boolean(),
      priorities: fc.uniqueArray(fc.constantFrom(...DOMAINS), { maxLength: 3 }),
      matchRequired: eligibleBias ? fc.constant(false) : fc.boolean(),
      matchPercent: fc.integer({ min: 0, max: 50 }),
      ringFences: ringFencesArb,
      cap: fc.option(
        fc.record({ maxGrants: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), maxAmountPounds: fc.option(fc.integer({ min: 2_000, max: 30_000 }), { nil: undefined }) }),
        { nil: undefined },
      ),
      partial: fc.option(fc.record({ minimumPercent: fc.integer({ min: 30, max: 90 }), roundDownTo: fc.constantFrom(1, 100, 5_000) }), { nil: undefined }),
      scaleMin: fc.constantFrom(0, 1),
      scaleMax: fc.integer({ min: 3, max: 10 }),
      weights: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }),
      threshold: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
      spread: fc.option(fc.integer({ min: 5, max: 50 }), { nil: undefined }),
      panelWeights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
      capacity: fc.boolean(),
      serviceArea: fc.constantFrom(...SERVICE_AREAS),
      nProviders: fc.integer({ min: 1, max: 8 }),
      nBids: fc.integer({ min: options.minBids ?? 0, max: options.maxBids ?? 12 }),
    })
    .chain((r) => {
      const roundId = 'round-1';
      const criteria = r.weights.map((weight, i) => ({ id: `c${i}`, title: text(s, `Criterion ${i}`), weight }));
      const panel = r.panelWeights.map((weight, i) => ({ id: `a${i}`, weight, ...(s ? { name: text(s, 'Assessor') } : {}) }));
      const providerArb = (i: number) =>
        fc
          .record({
            type: eligibleBias ? fc.constantFrom(...(r.providerTypes as ProviderType[])) : fc.constantFrom(...PROVIDER_TYPES),
            turnoverBand: fc.option(fc.constantFrom(...TURNOVER_BANDS), { nil: undefined }),
          })
          .map(({ type, turnoverBand }) => ({
            id: `p${i}`,
            name: text(s, `Provider ${i}`),
            type,
            ...(eligibleBias ? { turnoverBand: 'micro' as const } : turnoverBand === undefined ? {} : { turnoverBand }),
          }));
      const bidArb = (i: number, providers: readonly (BidInput['provider'] & { type: ProviderType })[]) =>
        fc
          .record({
            provider: fc.integer({ min: 0, max: providers.length - 1 }),
            requestedPounds: fc.oneof(
              fc.integer({ min: 10, max: 300 }).map((x) => x * 50),
              fc.integer({ min: 500, max: 15_000 }),
            ),
            oddPence: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }) }),
            domains: fc.uniqueArray(fc.constantFrom(...DOMAINS), { minLength: 1, maxLength: 2 }),
            areas: eligibleBias || r.areas.length === 0 ? fc.constant('anywhere' as const) : fc.uniqueArray(fc.constantFrom(...AREA_CODES), { minLength: 1, maxLength: 2 }),
            matchPounds: fc.integer({ min: 0, max: 5_000 }),
            late: eligibleBias ? fc.constant(false) : fc.boolean(),
            otherRound: eligibleBias ? fc.constant(false) : fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
            places: fc.integer({ min: 0, max: 40 }),
          })
          .map((b): BidInput => {
            const provider = providers[b.provider]!;
            const requested = Math.min(b.requestedPounds * 100 + b.oddPence, 2_000_000);
            return {
              id: `bid-${String(i).padStart(3, '0')}`,
              roundId: b.otherRound ? 'round-2' : roundId,
              provider,
              newGroup: provider.type === 'user_led_group' && i % 2 === 0,
              requested: eligibleBias ? Math.max(r.grantMinPounds * 100, Math.min(requested, r.grantMaxPounds * 100)) : requested,
              activity: {
                id: `act-${i}`,
                name: text(s, `Activity ${i}`),
                providerId: provider.id,
                needDomains: b.domains,
                capacity: { placesPerWeek: b.places },
                status: 'active',
                ...(s ? { description: text(s, 'About') } : {}),
              },
              needDomains: b.domains,
              areas: b.areas,
              matchFundingPence: eligibleBias ? 10_000_000 : b.matchPounds * 100,
              submittedOn: b.late ? '2025-06-15' : '2025-05-10',
              ...(s ? { summary: text(s, 'Summary') } : {}),
            };
          });
      return fc
        .tuple(...Array.from({ length: r.nProviders }, (_, i) => providerArb(i)))
        .chain((providers) =>
          fc.tuple(
            fc.constant(providers),
            r.nBids === 0 ? fc.constant([] as BidInput[]) : fc.tuple(...Array.from({ length: r.nBids }, (_, i) => bidArb(i, providers))),
            fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: panel.length - 1 }), fc.integer({ min: 0, max: providers.length - 1 })), {
              maxLength: 3,
              selector: ([a, p]) => `${a}/${p}`,
            }),
          ),
        )
        .chain(([providers, bids, conflictPairs]) => {
          const sheetArbs = bids.flatMap((bid) =>
            panel.map((m) =>
              fc
                .record({
                  present: fc.integer({ min: 0, max: 9 }).map((x) => x > 0),
                  scores: fc.tuple(...criteria.map(() => fc.integer({ min: r.scaleMin, max: r.scaleMax }))),
                  moderated: fc.integer({ min: 0, max: 19 }).map((x) => x === 0),
                })
                .map(({ present, scores, moderated }): ScoreSheetInput[] => {
                  if (!present) return [];
                  const sheet: ScoreSheetInput = {
                    bidId: bid.id,
                    assessorId: m.id,
                    scores: Object.fromEntries(criteria.map((c, k) => [c.id, scores[k]!])),
                    ...(s ? { comments: text(s, 'Comment') } : {}),
                  };
                  return moderated ? [sheet, { ...sheet, category: 'moderated' }] : [sheet];
                }),
            ),
          );
          return fc.tuple(fc.constant(providers), fc.constant(bids), fc.constant(conflictPairs), sheetArbs.length === 0 ? fc.constant([]) : fc.tuple(...sheetArbs));
        })
        .map(([providers, bids, conflictPairs, sheetLists]): Instance => ({
          round: {
            id: roundId,
            name: text(s, 'Round one'),
            contract: { id: 'contract-1', serviceArea: r.serviceArea },
            budget: r.budgetPounds * 100,
            window: { opens: '2025-04-01', closes: '2025-05-31' },
            priorities: { needDomains: r.priorities, areas: [] },
            eligibility: {
              providerTypes: r.providerTypes,
              ...(r.maxTurnoverBand === undefined ? {} : { maxTurnoverBand: r.maxTurnoverBand }),
              areas: r.areas,
              userLedGroupsAllowed: r.userLedGroupsAllowed,
              mustServePriority: r.mustServePriority,
            },
            grant: { minimum: Math.min(r.grantMinPounds, r.grantMaxPounds) * 100, maximum: r.grantMaxPounds * 100 },
            matchFunding: { required: r.matchRequired, minimumPercent: r.matchPercent },
            ringFences: r.ringFences,
            ...(r.cap === undefined
              ? {}
              : {
                  perProviderCap: {
                    ...(r.cap.maxGrants === undefined ? {} : { maxGrants: r.cap.maxGrants }),
                    ...(r.cap.maxAmountPounds === undefined ? {} : { maxAmount: r.cap.maxAmountPounds * 100 }),
                  },
                }),
            ...(r.partial === undefined ? {} : { partialFunding: r.partial }),
            scoring: {
              scale: { min: r.scaleMin, max: r.scaleMax },
              criteria,
              ...(r.threshold === undefined ? {} : { qualityThresholdPercent: r.threshold }),
              ...(r.spread === undefined ? {} : { moderationSpreadPercent: r.spread }),
            },
            panel,
            conflicts: conflictPairs.map(([a, p]) => ({
              assessorId: `a${a}`,
              providerId: providers[p]!.id,
              declaredOn: '2025-06-02',
              ...(s ? { note: text(s, 'Note') } : {}),
            })),
            capacityBuildingSupport: r.capacity,
            state: 'assessing',
            history: [
              { event: 'open', from: 'draft', to: 'open', at: '2025-04-01T00:00:00.000Z', by: 'officer' },
              { event: 'close', from: 'open', to: 'closed', at: '2025-06-01T00:00:00.000Z', by: 'officer', ...(s ? { note: text(s, 'Closed') } : {}) },
              { event: 'start_assessment', from: 'closed', to: 'assessing', at: '2025-06-02T00:00:00.000Z', by: 'chair' },
            ],
          },
          bids,
          sheets: (sheetLists as ScoreSheetInput[][]).flat(),
        }));
    });
};

/** A participatory-budgeting instance: a round every bid is eligible for, bids and ballots. */
export interface PbInstance {
  readonly round: GrantRoundInput;
  readonly bids: BidInput[];
  readonly ballots: { voterId: string; approvals?: string[]; scores?: Record<string, number> }[];
}

/** A round that every bid made by {@link pbBid} is eligible for. */
export const pbRound = (budget: number, ringFences: { id: string; needDomain: NeedDomain; minimumPercent: number }[] = []): GrantRoundInput => ({
  id: 'pb-1',
  name: 'Community grants by participatory budgeting',
  contract: { id: 'contract-1', serviceArea: 'general_wellbeing' },
  budget,
  window: { opens: '2025-04-01', closes: '2025-05-31' },
  priorities: { needDomains: [], areas: [] },
  eligibility: { providerTypes: [...PROVIDER_TYPES], areas: [], userLedGroupsAllowed: true },
  grant: { minimum: 0, maximum: 100_000_000 },
  matchFunding: { required: false },
  ringFences,
  scoring: { scale: { min: 0, max: 5 }, criteria: [{ id: 'c0', title: 'Criterion', weight: 1 }] },
  panel: [{ id: 'a0' }],
  capacityBuildingSupport: false,
  // The vote has been held and is being counted: decideAwards refuses a round before assessment.
  state: 'assessing',
  history: [
    { event: 'open', from: 'draft', to: 'open', at: '2025-04-01T00:00:00.000Z', by: 'officer' },
    { event: 'close', from: 'open', to: 'closed', at: '2025-06-01T00:00:00.000Z', by: 'officer' },
    { event: 'start_assessment', from: 'closed', to: 'assessing', at: '2025-06-01T00:00:00.000Z', by: 'officer' },
  ],
});

/** A bid every {@link pbRound} accepts. */
export const pbBid = (id: string, requested: number, needDomains: NeedDomain[] = ['physical_activity']): BidInput => ({
  id,
  roundId: 'pb-1',
  provider: { id: `prov-${id}`, name: `Provider ${id}`, type: 'community_group' },
  requested,
  activity: { id: `act-${id}`, name: `Activity ${id}`, providerId: `prov-${id}`, needDomains, capacity: { placesPerWeek: 10 }, status: 'active' },
  needDomains,
  areas: 'anywhere',
  submittedOn: '2025-05-10',
});

/** Random PB instances: 1-8 bids of £1-£400 (whole pounds or odd pence), 1-9 voters with approval or score ballots, an optional ring-fence. */
export const pbInstanceArb = (options: { scoreBallots?: boolean; maxVoters?: number } = {}): fc.Arbitrary<PbInstance> =>
  fc
    .record({
      costs: fc.array(fc.oneof(fc.integer({ min: 1, max: 400 }).map((x) => x * 100), fc.integer({ min: 100, max: 40_000 })), { minLength: 1, maxLength: 8 }),
      domains: fc.array(fc.constantFrom(...DOMAINS), { minLength: 8, maxLength: 8 }),
      budget: fc.integer({ min: 0, max: 1_000 }).map((x) => x * 100),
      fence: fc.option(fc.record({ needDomain: fc.constantFrom(...DOMAINS), minimumPercent: fc.integer({ min: 10, max: 60 }) }), { nil: undefined }),
      voters: fc.integer({ min: 1, max: options.maxVoters ?? 9 }),
      seedBallots: fc.array(fc.array(fc.integer({ min: 0, max: options.scoreBallots === true ? 3 : 1 }), { minLength: 8, maxLength: 8 }), { minLength: 9, maxLength: 9 }),
      useScores: options.scoreBallots === true ? fc.boolean() : fc.constant(false),
    })
    .map((r): PbInstance => {
      const bids = r.costs.map((c, i) => pbBid(`b${i}`, c, [r.domains[i]!]));
      const ballots = Array.from({ length: r.voters }, (_, v) => {
        const row = r.seedBallots[v]!;
        return r.useScores
          ? { voterId: `v${v}`, scores: Object.fromEntries(bids.map((b, i) => [b.id, row[i]!])) }
          : { voterId: `v${v}`, approvals: bids.filter((_, i) => row[i]! > 0).map((b) => b.id) };
      });
      return { round: pbRound(r.budget, r.fence === undefined ? [] : [{ id: 'fence', ...r.fence }]), bids, ballots };
    });
