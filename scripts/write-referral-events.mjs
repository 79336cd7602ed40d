// Writes the per-event field table into docs/referral-pathways-and-lifecycle.md
// from the built package's ReferralEventSchema (between its markers), so the
// guide lists exactly the fields the parser accepts.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  IdSchema,
  IsoDateTimeSchema,
  MeasuredOutcomeSchema,
  NeedDomainSchema,
  PersonRefSchema,
  ReferralEventSchema,
  RefSchema,
  WellbeingScoreSchema,
} from '../dist/index.js';
import { referralEventTable, withTable } from './referral-event-fields.mjs';

export const NAMED = [
  [IdSchema, 'an id (text, 1-200 characters, no control characters)'],
  [IsoDateTimeSchema, 'an ISO date-time with an offset (`2024-04-01T09:00:00Z`)'],
  [PersonRefSchema, 'a pseudonymous reference (letters, digits, `.`, `_`, `:` or `-`, at most 128; never an NHS number)'],
  [RefSchema, 'a reference (letters, digits, `.`, `_`, `:` or `-`, at most 128)'],
  [NeedDomainSchema, 'need domain codes (`NEED_DOMAINS`, or your own starting `x_`)'],
  [WellbeingScoreSchema, '`{ measure, score }`: a measure of `WELLBEING_MEASURES` and a score in its range'],
  [MeasuredOutcomeSchema, 'measured outcomes: `{ measure, score }` or `{ measure, answers }` (see "Outcomes and FHIR")'],
];

const path = 'docs/referral-pathways-and-lifecycle.md';
const guide = readFileSync(path, 'utf8');
const next = withTable(guide, referralEventTable(ReferralEventSchema, NAMED));
if (next === undefined) {
  console.error(`${path}: the markers of the referral event field table are missing`);
  process.exit(1);
}
if (next !== guide) writeFileSync(path, next);
