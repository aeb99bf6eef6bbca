/**
 * aide-assistant-medical: the French Assurance Maladie aid for doctors who employ a medical
 * assistant (« aide à l'emploi d'un assistant médical »), as auditable code.
 *
 * Four functions answer for a doctor, a contract date and an option: {@link checkEligibility},
 * {@link aidSchedule}, {@link patientTargets} and {@link settleYear}. Every figure comes from
 * the rule tables in {@link ruleSets}, each row with its legal reference and provenance.
 *
 * @packageDocumentation
 */
export { checkEligibility } from './eligibility/checkEligibility.js';
export type {
  AssistantConditions,
  AssistantInput,
  EligibilityCheck,
  EligibilityInput,
  EligibilityResult,
  RunningContract,
} from './eligibility/checkEligibility.js';
export { aidSchedule } from './schedule/aidSchedule.js';
export type { ScheduleInput, ScheduleResult, ScheduleYear } from './schedule/aidSchedule.js';
export type { MoveTo } from './rules/lookup.js';
export type { Payment } from './rules/calendar.js';
export { patientTargets } from './targets/patientTargets.js';
export type {
  BandRates,
  EstimateKnots,
  Knots,
  MeasureTarget,
  MeasureTargets,
  TargetsInput,
  TargetsResult,
  UnavailableTarget,
} from './targets/patientTargets.js';
export { settleYear } from './settlement/settleYear.js';
export type {
  Attainment,
  ContractTarget,
  ContractTargets,
  SettledYear,
  SettleInput,
  SettleResult,
  SettlementPolicy,
} from './settlement/settleYear.js';
export { aidScheduleMany, checkEligibilityMany, contractLedgerMany, patientTargetsMany, settleMany } from './batch/many.js';
export type { BatchError, BatchFailure, BatchOptions, BatchOutcome, BatchOutcomes, BatchRows, BatchSuccess } from './batch/many.js';
export { contractLedger } from './ledger/contractLedger.js';
export type { ContractFacts, LedgerInput, LedgerResult, LedgerYear, LedgerYearInput, ReceivedPayment } from './ledger/contractLedger.js';
export type { Prorata } from './rules/life.js';
export { compareContracts } from './compare/compareContracts.js';
export type { ComparedMember, ComparedYear, CompareInput, CompareResult, IndividualSide } from './compare/compareContracts.js';
export type {
  CollectiveCheck,
  CollectiveEligibilityInput,
  CollectiveEligibilityResult,
  CollectiveMember,
  IndividualContractDates,
  MemberPatientele,
  MemberEligibility,
} from './eligibility/collective.js';
export type { CollectiveScheduleInput, CollectiveScheduleResult } from './schedule/collective.js';
export type {
  CollectiveTargetsInput,
  CollectiveTargetsResult,
  GroupTarget,
  GroupTargets,
  MemberTarget,
  MemberTargets,
} from './targets/collective.js';
export type { CollectiveSettleInput, CollectiveSettleResult } from './settlement/collective.js';
export type { CallOptions } from './rules/call.js';
export type { Lang } from './core/trace.js';
export { frEuros, vocabularyFr } from './rules/words.js';
export type { VocabularyFr } from './rules/words.js';
export { explain } from './explain/explain.js';
export type { ExplainOptions } from './explain/explain.js';
export { ruleSets } from './rules/registry.js';
export type { ContractKind, RuleSetId, RuleSets } from './rules/registry.js';
export type { ResultBase, TraceStep } from './rules/result.js';
export { specialties, specialtyLabels } from './rules/specialties.js';
export type { Specialty } from './rules/specialties.js';
export { RulesError } from './core/errors.js';
export type { RulesErrorCode, RulesIssue } from './core/errors.js';
export type { LegalReference, Provenance, ResultBaseOf, TraceStepOf } from './core/trace.js';
export type {
  AdvanceBalancePaymentRules,
  AdvanceRule,
  CommitmentRule,
  CommonTargetRules,
  CountThreshold,
  FeeShareRule,
  HiringAdvance,
  NewlyInstalledTarget,
  PercentileThreshold,
  RateRange,
  RevaluationRule,
  TransferRule,
  SecondAssistantRule,
  AmountKey,
  AnyRuleSet,
  AssistantRules,
  Qualification,
  CollectiveAmountRows,
  CollectiveRuleSet,
  CollectiveTable,
  Structure,
  AmountRows,
  Band,
  BandTargetRules,
  EligibilityRules,
  EstimateCurve,
  EstimateTargetRules,
  HiringPaymentRules,
  LifeRules,
  Measure,
  Option,
  PercentileKey,
  PercentileValues,
  Percentiles,
  Patientele,
  PatientCounts,
  RatedBand,
  RuleRow,
  RuleSet,
  RuleTable,
  Sector,
  SettlementRules,
  TargetRules,
  Tier,
} from './rules/types.js';
