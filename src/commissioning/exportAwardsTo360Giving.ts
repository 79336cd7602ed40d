import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { createValidationError, type ValidationError } from '../shared/errors';
import { AsOfSchema, momentOf, type AsOf } from '../shared/time';
import { safeParse } from '../shared/safeParse';
import { issuesFromZod } from '../shared/zodIssues';
import type { ExportTo360GivingError } from './errors';
import { gbp } from '../shared/money';
import type { Bid, BidInput, GrantRound, GrantRoundInput } from './schema';
import type { AwardDecision } from './types';
import { validateDecision } from './decisionShape';
import { validateBids, validateRound } from './validate';

/**
 * An organisation in 360Giving data: an org-id (org-id.guide) and a name.
 *
 * @example
 * ```ts
 * import type { ThreeSixtyGivingOrganization } from 'social-prescribing';
 * const o: ThreeSixtyGivingOrganization = { id: 'GB-CHC-1071234', name: 'Rother Valley Walkers', charityNumber: '1071234' };
 * ```
 */
export interface ThreeSixtyGivingOrganization {
  /** The org-id: `GB-CHC-`, `GB-SC-`, `GB-NIC-` or `GB-COH-` and the registration number, else the publisher's prefix, `-org-` and the provider id. */
  readonly id: string;
  /** The organisation's name. */
  readonly name: string;
  /** The charity number, when registered with a charity regulator. */
  readonly charityNumber?: string;
  /** The company number, when registered at Companies House. */
  readonly companyNumber?: string;
}

/**
 * One grant as 360Giving data (the UK open grants standard, schema 1.4): the
 * fields `exportAwardsTo360Giving` fills.
 *
 * @example
 * ```ts
 * import type { ThreeSixtyGivingGrant } from 'social-prescribing';
 * const pounds = (g: ThreeSixtyGivingGrant): number => g.amountAwarded;
 * ```
 */
export interface ThreeSixtyGivingGrant {
  /** The grant's identifier: the publisher's 360Giving prefix, the round id and the bid id. */
  readonly id: string;
  /** The funded activity's name. */
  readonly title: string;
  /** The activity's description from the menu, else a sentence made from the round, the activity and its need domains. */
  readonly description: string;
  /** Always `GBP`. */
  readonly currency: 'GBP';
  /** The grant in pounds (360Giving amounts are in currency units, not pence). */
  readonly amountAwarded: number;
  /** The amount the bid requested, in pounds. */
  readonly amountAppliedFor: number;
  /** The date the award was decided, `YYYY-MM-DD`. */
  readonly awardDate: string;
  /** The grant holder. */
  readonly recipientOrganization: readonly [ThreeSixtyGivingOrganization];
  /** The funder (from the options). */
  readonly fundingOrganization: readonly [ThreeSixtyGivingOrganization];
  /** The round, as a grant programme. */
  readonly grantProgramme: readonly [
    {
      /** The round's id. */
      readonly code: string;
      /** The round's name. */
      readonly title: string;
    },
  ];
  /** The areas the bid serves (area codes such as ONS codes), when it names them. */
  readonly beneficiaryLocation?: readonly {
    /** The area code. */
    readonly id: string;
    /** The area code again, as the geographic code. */
    readonly geoCode: string;
    /** Always `GB`. */
    readonly countryCode: 'GB';
  }[];
  /** `yes`: grants awarded in a round anyone eligible could bid in. */
  readonly fromOpenCall: 'Yes';
}

/**
 * Options for {@link exportAwardsTo360Giving}: what the round does not hold.
 *
 * @example
 * ```ts
 * import type { ExportTo360GivingOptions } from 'social-prescribing';
 * const o: Omit<ExportTo360GivingOptions, 'bids'> = {
 *   fundingOrganization: { id: 'GB-CHC-1088888', name: 'Voluntary Action Example' },
 *   idPrefix: '360G-vaexample',
 *   awardDate: '2025-07-01',
 * };
 * ```
 */
export interface ExportTo360GivingOptions {
  /** The funder: its org-id (org-id.guide, e.g. `GB-CHC-1088888` or `GB-GOR-...`) and name. */
  readonly fundingOrganization: {
    /** The funder's org-id. */
    readonly id: string;
    /** The funder's name. */
    readonly name: string;
  };
  /** The publisher's 360Giving identifier prefix, `360G-` and letters, digits or `-` (from 360Giving). */
  readonly idPrefix: string;
  /** When the award was decided: an ISO date, an ISO date-time with offset or a `Date` (read as every `AsOf` is; its UTC date is written); omit to use the UTC date of the round's `award` event. */
  readonly awardDate?: AsOf;
}

const OptionsSchema = z.strictObject({
  fundingOrganization: z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9]+-[A-Za-z0-9]+-[A-Za-z0-9._-]+$/, { error: 'expected an org-id such as GB-CHC-1088888 (org-id.guide)' }),
    name: z.string().min(1).max(300),
  }),
  idPrefix: z.string().regex(/^360G-[A-Za-z0-9-]{1,60}$/, { error: 'expected a 360Giving prefix: 360G- followed by letters, digits or -' }),
  awardDate: AsOfSchema.optional(),
});

const REGISTER_PREFIX = { charity_commission: 'GB-CHC', oscr: 'GB-SC', ccni: 'GB-NIC', companies_house: 'GB-COH' } as const;

function recipientOf(bid: Bid, idPrefix: string): ThreeSixtyGivingOrganization {
  const regs = bid.provider.registrations ?? [];
  const charity = regs.find((r) => r.register !== 'companies_house');
  const company = regs.find((r) => r.register === 'companies_house');
  const first = charity ?? company;
  return {
    id: first === undefined ? `${idPrefix}-org-${bid.provider.id}` : `${REGISTER_PREFIX[first.register]}-${first.identifier}`,
    name: bid.provider.name,
    ...(charity === undefined ? {} : { charityNumber: charity.identifier }),
    ...(company === undefined ? {} : { companyNumber: company.identifier }),
  };
}

/**
 * The funded grants of a decided round (its bids, and the decision
 * `decideAwards` made on them) as 360Giving data (the UK open grants
 * standard, threesixtygiving.org, schema 1.4), one grant per funded bid in
 * the decision's order: `id` (the publisher's prefix, round id and bid id),
 * `title`, `description`, `currency`, `amountAwarded` and `amountAppliedFor`
 * (in pounds, as the standard wants), `awardDate`, `recipientOrganization`
 * (an org-id from the provider's first charity registration, else its
 * Companies House number, else the publisher's prefix and the provider id),
 * `fundingOrganization`, `grantProgramme` (the round), `beneficiaryLocation`
 * (the bid's area codes, when it names areas) and `fromOpenCall`. Wrap the
 * grants as `{ grants }` for a 360Giving data package. Nothing a resident or
 * assessor typed is exported: no summaries, comments or notes.
 *
 * Returns `invalid_grant_round`, `invalid_bid`, `invalid_award_decision`
 * (the decision is not on this round and these bids) or
 * `invalid_360giving_options`, and `award_date_unknown` when no award date is
 * given and the round's history has no `award` event.
 *
 * @example
 * ```ts
 * import { exportAwardsTo360Giving, type AwardDecision, type Bid, type GrantRound } from 'social-prescribing';
 *
 * declare const round: GrantRound;
 * declare const bids: Bid[];
 * declare const decision: AwardDecision;
 * const grants = exportAwardsTo360Giving(round, bids, decision, {
 *   fundingOrganization: { id: 'GB-CHC-1088888', name: 'Voluntary Action Example' },
 *   idPrefix: '360G-vaexample',
 *   awardDate: '2025-07-01',
 * })._unsafeUnwrap();
 * const pack = { grants };
 * ```
 */
export function exportAwardsTo360Giving(
  round: GrantRoundInput | GrantRound,
  bids: readonly (BidInput | Bid)[],
  decision: AwardDecision,
  options: ExportTo360GivingOptions,
): Result<ThreeSixtyGivingGrant[], ExportTo360GivingError> {
  const o = safeParse(OptionsSchema, options);
  if (!o.success) return err(createValidationError('invalid_360giving_options', '360Giving options', issuesFromZod(o.error, options)));
  const r = validateRound(round);
  if (r.isErr()) return err(r.error);
  const b = validateBids(bids);
  if (b.isErr()) return err(b.error);
  const d = validateDecision(r.value, b.value, decision);
  if (d.isErr()) return err(d.error);
  const theRound = r.value;
  const awardEvent = theRound.history.find((h) => h.event === 'award');
  const awardDate = o.data.awardDate?.date ?? (awardEvent === undefined ? undefined : momentOf(Date.parse(awardEvent.at)).date);
  if (awardDate === undefined) {
    const e: ValidationError<'award_date_unknown'> = createValidationError('award_date_unknown', '360Giving export', [
      { path: ['awardDate'], code: 'missing_field', message: 'awardDate: give the award date; the round has no award event in its history' },
    ]);
    return err(e);
  }
  const bidById = new Map(b.value.map((x) => [x.id, x]));
  const idPrefix = o.data.idPrefix;
  const funder: ThreeSixtyGivingOrganization = { id: o.data.fundingOrganization.id, name: o.data.fundingOrganization.name };
  const grants = d.value.decisions
    .filter((x) => x.outcome === 'funded' && x.amount > 0)
    .map((x): ThreeSixtyGivingGrant => {
      const bid = bidById.get(x.bidId)!;
      const description =
        bid.activity.description ??
        `A grant of ${gbp(x.amount)} from ${theRound.name} for ${bid.activity.name}, serving ${bid.needDomains.map((n) => n.replace(/^x_/, '').replace(/_/g, ' ')).join(', ')}.`;
      return {
        id: `${idPrefix}-${theRound.id}-${bid.id}`,
        title: bid.activity.name,
        description,
        currency: 'GBP',
        amountAwarded: x.amount / 100,
        amountAppliedFor: bid.requested / 100,
        awardDate,
        recipientOrganization: [recipientOf(bid, idPrefix)],
        fundingOrganization: [funder],
        grantProgramme: [{ code: theRound.id, title: theRound.name }],
        ...(bid.areas === 'anywhere' ? {} : { beneficiaryLocation: bid.areas.map((a) => ({ id: a, geoCode: a, countryCode: 'GB' as const })) }),
        fromOpenCall: 'Yes',
      };
    });
  return ok(grants);
}
