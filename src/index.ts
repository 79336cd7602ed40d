/**
 * Model social prescribing schemes and classify them as light, holistic or
 * 'plus' (Dayson 2017), with an explanation that cites the paper.
 *
 * @packageDocumentation
 */
export * from './shared/index';
export * from './scheme/index';
export * from './scoring/index';
export * from './research/index';
export * from './pathway/index';
export * from './menu/index';
export * from './outcomes/index';
export * from './referral/index';
export * from './commissioning/index';
export * from './fhir/index';
