import type { IsoDate } from '../core/dates.js';
import type { LegalReference } from '../core/trace.js';
import type { Specialty } from './specialties.js';

/** Working time of the assistant the aid pays for. `one-third` exists under avenant 7 only. */
export type Option = 'one-third' | 'half-time' | 'full-time';
/** Every option, in order. */
export const OPTIONS: readonly Option[] = Object.freeze(['one-third', 'half-time', 'full-time']);

/** Conventional sector of the doctor. `secteur-2` means secteur 2 without OPTAM or OPTAM-CO. */
export type Sector = 'secteur-1' | 'secteur-2-optam' | 'secteur-2-optam-co' | 'secteur-2';
/** Every sector. */
export const SECTORS: readonly Sector[] = Object.freeze(['secteur-1', 'secteur-2-optam', 'secteur-2-optam-co', 'secteur-2']);

/**
 * Amount tier, fixed at signature by the starting patientèle: `standard`, `p90-p95` (start in
 * [P90, P95) of the specialty's distribution: a higher amount from year 3) or `p95-plus`
 * (start at or above P95: the year-1 amount every year).
 */
export type Tier = 'standard' | 'p90-p95' | 'p95-plus';
/** Every tier. */
export const TIERS: readonly Tier[] = Object.freeze(['standard', 'p90-p95', 'p95-plus']);

/** The two patient measures: médecin traitant patientèle and file active. */
export type Measure = 'medecinTraitant' | 'fileActive';
/**
 * Both measures, in order. Internal and typed readonly, but not frozen: the settlement loops over it
 * on every call, and this engine iterates a frozen list several times slower than a plain one.
 */
export const MEASURES: readonly Measure[] = ['medecinTraitant', 'fileActive'];

/** A percentile of a specialty's national distribution. */
export type PercentileKey = 'p30' | 'p50' | 'p70' | 'p90' | 'p95';
/** The percentiles, in increasing order. */
export const PERCENTILE_KEYS: readonly PercentileKey[] = Object.freeze(['p30', 'p50', 'p70', 'p90', 'p95']);

/** Reference values of one measure of a specialty's national distribution: any subset of the percentiles. */
export interface PercentileValues {
  /** 30th percentile (the activity threshold). */
  readonly p30?: number | undefined;
  /** Median (target of newly installed doctors). */
  readonly p50?: number | undefined;
  /** 70th percentile (avenant 7 band edge). */
  readonly p70?: number | undefined;
  /** 90th percentile (amount tier and band edge). */
  readonly p90?: number | undefined;
  /** 95th percentile (amount tier and band edge). */
  readonly p95?: number | undefined;
}

/** Caller-supplied percentiles of the doctor's specialty, per measure (recorded as `caller-supplied`). */
export interface Percentiles {
  /** Percentiles of the médecin traitant patientèle. */
  readonly medecinTraitant?: PercentileValues | undefined;
  /** Percentiles of the file active. */
  readonly fileActive?: PercentileValues | undefined;
}

/** Patient counts per measure. */
export interface Patientele {
  /** Patients who declared the doctor as médecin traitant (avenant 7, GPs: adults only). */
  readonly medecinTraitant?: number | undefined;
  /** Distinct patients seen in the year (file active). */
  readonly fileActive?: number | undefined;
}

/** Patient counts of both measures, both known. */
export interface PatientCounts {
  /** Patients who declared the doctor as médecin traitant. */
  readonly medecinTraitant: number;
  /** Distinct patients seen in the year (file active). */
  readonly fileActive: number;
}

/** Band of the starting patientèle in the specialty's distribution (lower edge included). */
export type Band = 'below-p30' | 'p30-p50' | 'p50-p70' | 'p70-p90' | 'p90-p95' | 'p95-plus';
/** Bands that carry a target rate (at or above P30). */
export type RatedBand = Exclude<Band, 'below-p30'>;
/** Rated bands, in increasing order. */
export const RATED_BANDS: readonly RatedBand[] = Object.freeze(['p30-p50', 'p50-p70', 'p70-p90', 'p90-p95', 'p95-plus']);

/**
 * One figure or rule of a regime: its value, the dates it is in force (inclusive; `to: null`
 * means still in force), and its legal reference with a provenance level.
 */
export interface RuleRow<V> {
  /** Stable identifier within its regime, e.g. `amount.half-time.year1`. */
  readonly id: string;
  /** The regime whose table holds the row. */
  readonly ruleSet: string;
  /** What the row says, in one line. */
  readonly label: string;
  /** The figure or rule. Money is a decimal string, shares and rates too. */
  readonly value: V;
  /** First day in force. */
  readonly from: IsoDate;
  /** Last day in force, or null when still in force. */
  readonly to: IsoDate | null;
  /** Where it comes from. */
  readonly reference: LegalReference;
  /**
   * Set when the only source of the figure withdrew it: the figure then decides nothing unless
   * the caller opts in, and a warning names the withdrawal.
   */
  readonly withdrawn?: string;
}

/** Which yearly amount applies: year 1, year 2, year 3 and after, or a tier's amount. */
export type AmountKey = 'year1' | 'year2' | 'year3plus' | 'p90p95' | 'p95plus';

/** The yearly amounts of one option, in euros as decimal strings (a key is absent where the regime has no such amount). */
export type AmountRows = Readonly<Partial<Record<AmountKey, RuleRow<string>>>>;

/** Top and floor of the estimate's increase rate for one option, as decimal strings. */
export interface RateRange {
  /** Rate for a start at or below the lower knot. */
  readonly top: string;
  /** Rate for a start at or above the upper knot. */
  readonly floor: string;
}

/** The rate curve of the 2023 target estimate for one measure (docs/interpretations.md). */
export interface EstimateCurve {
  /** Lower knot: below it the rate is flat at `top`. */
  readonly a: number;
  /** Upper knot: above it the rate is flat at `floor`. */
  readonly b: number;
  /** Top and floor rates per option. */
  readonly rates: Readonly<Partial<Record<Option, RateRange>>>;
}

/** The surgeons' rule: a maximum share of fees from CCAM technical acts. */
export interface FeeShareRule {
  /** Maximum share, as a decimal string ("0.20"). */
  readonly maxCcamShare: string;
  /** Whether a share equal to the maximum passes. */
  readonly inclusive: boolean;
  /** The period the share is measured on, in months before signature, when the text states one. */
  readonly overMonthsBeforeSignature?: number;
  /** Specialties the rule applies to. */
  readonly specialties: readonly Specialty[];
}

/** The GP activity threshold: a percentile of the GP distribution of one measure (its figure is the percentile row). */
export interface CountThreshold {
  /** The measure counted. */
  readonly measure: Measure;
  /** The percentile of the GP distribution (see `gpPercentiles`). */
  readonly percentile: PercentileKey;
  /** `gt`: strictly above; `gte`: at least. */
  readonly comparison: 'gt' | 'gte';
  /** Whether only adult patients count. */
  readonly adultsOnly: boolean;
}

/** The activity threshold of other specialties: a percentile of their distribution. */
export interface PercentileThreshold {
  /** The percentile. */
  readonly percentile: PercentileKey;
  /** `gt`: strictly above; `gte`: at least. */
  readonly comparison: 'gt' | 'gte';
}

/** A condition met by belonging to an organisation, or by committing to join one. */
export interface CommitmentRule {
  /** Years allowed to fulfil a commitment. */
  readonly committedWithinYears: number;
}

/** Convention 2024: conditions of the second-assistant options (their amounts are not published). */
export interface SecondAssistantRule {
  /** Specialties that may add a second assistant. */
  readonly specialties: readonly Specialty[];
  /** The zone the doctor must practise in. */
  readonly zone: 'zip';
  /** The option of the running (first) contract. */
  readonly firstOption: Option;
  /** The running contract must have reached this contract year. */
  readonly fromContractYear: number;
  /** Whether the running contract's targets must be met. */
  readonly requiresTargetsMet: boolean;
  /** Options open for the second assistant. */
  readonly options: readonly Option[];
}

/** Eligibility rules of a regime; a rule a regime does not have is absent. */
export interface EligibilityRules {
  /** Whether each sector is eligible. */
  readonly sectors: Readonly<Record<Sector, RuleRow<boolean>>>;
  /** Specialties excluded from the aid (from 2023). */
  readonly excludedSpecialties?: RuleRow<readonly Specialty[]>;
  /** Surgeons' maximum share of CCAM fees (from 2023). */
  readonly surgicalFeeShare?: RuleRow<FeeShareRule>;
  /** Avenant 7: specialties eligible only in listed low-density départements (known ones only). */
  readonly densityRestricted?: RuleRow<readonly Specialty[]>;
  /** GP activity threshold. */
  readonly gpThreshold: RuleRow<CountThreshold>;
  /** Activity threshold of the other specialties. */
  readonly specialistThreshold: RuleRow<PercentileThreshold>;
  /** Newly installed doctors and the threshold. */
  readonly newlyInstalled: RuleRow<'waives-threshold'>;
  /** Doctors with a disability: exempt (avenant 7, RQTH) or eligible with adaptations (from 2023). */
  readonly disability: RuleRow<'waives-threshold' | 'eligible-with-adaptations'>;
  /** Avenant 7: GPs with more children than this share are exempt from the adult threshold. */
  readonly childrenShare?: RuleRow<{
    /** Share of children to exceed, decimal string. */
    readonly moreThan: string;
    /** Age under which a patient counts as a child. */
    readonly underAge: number;
  }>;
  /** Avenant 7: group practice. */
  readonly groupPractice?: RuleRow<CommitmentRule>;
  /** Avenant 7: a doctor alone in a ZIP zone is exempt from the group condition. */
  readonly soloInZipExempt?: RuleRow<boolean>;
  /** Avenant 7: coordinated practice. */
  readonly coordinatedPractice?: RuleRow<CommitmentRule>;
  /** Avenant 7: full-time open in ZIP zones. */
  readonly fullTimeZip?: RuleRow<{
    /** The option restricted to ZIP zones (and, from avenant 8, ZAC zones at the percentile of `fullTimeZac`). */
    readonly option: Option;
  }>;
  /** Avenant 8: full-time open in ZAC zones from this percentile. */
  readonly fullTimeZac?: RuleRow<{
    /** Percentile of the patientèle required. */
    readonly percentile: PercentileKey;
  }>;
  /** Convention 2024: mixed salaried activity. */
  readonly mixedActivity?: RuleRow<'eligible-with-adaptations'>;
  /** Convention 2024: a second assistant (conditions; amounts unpublished). */
  readonly secondAssistant?: RuleRow<SecondAssistantRule>;
}

/** Avenant 7 targets: a rate per option and percentile band. */
export interface BandTargetRules {
  /** Discriminant. */
  readonly method: 'bands';
  /** Which band a start equal to a percentile belongs to. */
  readonly bandEdges: RuleRow<'lower-edge-included'>;
  /** Increase rate (decimal string) per option and band; a missing cell is unknown in the sources. */
  readonly rates: Readonly<Partial<Record<Option, Readonly<Partial<Record<RatedBand, RuleRow<string>>>>>>>;
}

/** 2023 and 2024 targets: the calibrated estimate (docs/interpretations.md). */
export interface EstimateTargetRules {
  /** Discriminant. */
  readonly method: 'estimate';
  /** The GP curve of each measure. */
  readonly curves: Readonly<Record<Measure, RuleRow<EstimateCurve>>>;
  /** Knots of another specialty's curve as ratios of its P50 (decimal strings). */
  readonly extrapolation: RuleRow<{
    /** Lower knot over P50. */ readonly aRatio: string;
    /** Upper knot over P50. */ readonly bRatio: string;
  }>;
  /** Convention 2024: doctors aged 65 or more maintain, with this fall tolerated (decimal string). */
  readonly aged65?: RuleRow<{
    /** Share of the start that may be lost, decimal string. */
    readonly fallTolerated: string;
  }>;
}

/** Newly installed doctors' target: a percentile within some years. */
export interface NewlyInstalledTarget {
  /** The percentile to reach. */
  readonly percentile: PercentileKey;
  /** Years allowed. */
  readonly withinYears: number;
}

/** Target rules every regime has. */
export interface CommonTargetRules {
  /** Specialties that commit on both measures (the others: file active only). */
  readonly twoMeasureSpecialties: RuleRow<readonly Specialty[]>;
  /** Whether the GP médecin traitant measure counts adults only. */
  readonly gpMeasureAdultsOnly: RuleRow<boolean>;
  /** Rounding of the increase to whole patients. */
  readonly rounding: RuleRow<'half-up'>;
  /** Newly installed doctors' target. */
  readonly newlyInstalled: RuleRow<NewlyInstalledTarget>;
}

/** Target rules of a regime: the common ones and the regime's method. */
export type TargetRules = (BandTargetRules | EstimateTargetRules) & CommonTargetRules;

/** Avenant 7: share of the year-1 aid advanced after hiring. */
export interface HiringAdvance {
  /** Share, as a decimal string ("0.70"). */
  readonly share: string;
  /** Days after the hiring date. */
  readonly withinDaysOfHiring: number;
}

/** Payment calendar of avenant 7. */
export interface HiringPaymentRules {
  /** Discriminant. */
  readonly method: 'hiring-advance';
  /** The year-1 advance. */
  readonly year1Advance: RuleRow<HiringAdvance>;
  /** The anniversary at which the rest of year 1 is paid. */
  readonly year1Balance: RuleRow<{
    /** Which anniversary (1: the first). */
    readonly atAnniversary: number;
  }>;
  /** Later years: paid at the anniversary that ends them. */
  readonly laterYears: RuleRow<{
    /** Paid at the anniversary that ends the year. */
    readonly atEndOfYear: boolean;
  }>;
}

/** From year 3 (2023 rules), the share advanced and its delay. */
export interface AdvanceRule {
  /** Share, as a decimal string ("0.50"). */
  readonly share: string;
  /** Months after the anniversary that opens the year. */
  readonly withinMonthsAfterAnniversary: number;
}

/** Payment calendar of the règlement arbitral and the 2024 convention. */
export interface AdvanceBalancePaymentRules {
  /** Discriminant. */
  readonly method: 'advance-balance';
  /** Year 1: months after signature. */
  readonly year1: RuleRow<{
    /** Months after the signing date. */
    readonly withinMonthsOfSignature: number;
  }>;
  /** Year 2: months after the first anniversary. */
  readonly year2: RuleRow<{
    /** Months after the first anniversary (0: at the anniversary). */
    readonly monthsAfterAnniversary: number;
  }>;
  /** From year 3: the advance. */
  readonly advance: RuleRow<AdvanceRule>;
  /** From year 3: the balance, months after the anniversary that closes the year. */
  readonly balance: RuleRow<{
    /** Months after the anniversary that closes the year. */
    readonly withinMonthsAfterAnniversary: number;
  }>;
}

/** Settlement defaults (docs/interpretations.md). */
export interface SettlementRules {
  /** First contract year modulated by the targets. */
  readonly firstModulatedYear: RuleRow<number>;
  /** Default attainment policy. */
  readonly attainment: RuleRow<'progress' | 'level'>;
  /** Default combination of two measures. */
  readonly combine: RuleRow<'mean' | 'min' | 'max'>;
  /** Rounding of the aid due. */
  readonly rounding: RuleRow<'half-up-cent'>;
}

/**
 * A revaluation: the regime holding the row prices the years of running contracts of other
 * regimes from their first anniversary on or after a date.
 */
export interface RevaluationRule {
  /** The regimes whose running contracts are revalued (ids of the registry). */
  readonly contractsOf: readonly string[];
  /** Years starting on or after the contract's first anniversary on or after this date are priced by the revaluing regime. */
  readonly fromFirstAnniversaryOnOrAfter: IsoDate;
}

/** A move between regimes: a running contract of another regime may move to the regime holding the row. */
export interface TransferRule {
  /** The regimes whose contracts may move (ids of the registry). */
  readonly from: readonly string[];
  /** Whether the move happens only at the doctor's request (never assumed). */
  readonly onRequest: boolean;
}

/** The assistant's qualifications: a State diploma of nurse, aide-soignant or auxiliaire de puériculture, or the CQP. */
export type Qualification = 'ide' | 'as' | 'ap' | 'cqp';

/** The conditions the aid sets on the assistant. */
export interface AssistantRules {
  /** Qualifications that open the aid without further training. */
  readonly qualifications: RuleRow<readonly Qualification[]>;
  /** Without the CQP: the deadlines from the hiring date. */
  readonly trainingDeadline: RuleRow<{
    /** Years after hiring to start the training (null: the text sets no start deadline). */
    readonly startWithinYears: number | null;
    /** Years after hiring to be qualified. */
    readonly qualifiedWithinYears: number;
  }>;
  /** Hours of the training: in general, and for a nurse, aide-soignant or auxiliaire de puériculture. */
  readonly trainingHours: RuleRow<{
    /** Hours in general. */
    readonly standard: number;
    /** Hours for a holder of one of the State diplomas. */
    readonly stateDiploma: number;
  }>;
  /** A secretary who becomes the assistant must be replaced. */
  readonly secretaryConversion: RuleRow<{
    /** Months after the conversion to hire another secretary (null: the text sets no delay). */
    readonly replaceWithinMonths: number | null;
  }>;
}

/** The rows of a contract's life every regime has: renewal, notice and an early end. */
export interface LifeRules {
  /** Renewal of the contract at the end of its term. */
  readonly renewal: RuleRow<{
    /** How many times the contract may be renewed (null: without limit). */
    readonly maxRenewals: number | null;
    /** Years of each renewed contract. */
    readonly renewedYears: number;
  }>;
  /** How the regime in force on a renewal prices the renewed years (the sources are silent). */
  readonly renewalPricing: RuleRow<{
    /** The amount of the table that prices each renewed year. */
    readonly amount: 'year3plus';
    /** Whether the contract's tier is kept. */
    readonly tierKept: boolean;
  }>;
  /** The doctor's notice to end the contract. */
  readonly notice: RuleRow<{
    /** Months of notice. */
    readonly months: number;
    /** How it is given. */
    readonly by: 'registered-letter';
  }>;
  /** How the year in progress is settled when the contract ends between anniversaries. */
  readonly earlyEnd: RuleRow<{
    /** The year's aid × days in force in the year ÷ days in the year (the last day counted). */
    readonly prorata: 'days-in-force-over-days-in-year';
  }>;
}

/** The full rule table of one regime. */
export interface RuleTable extends LifeRules {
  /** The conditions the aid sets on the assistant. */
  readonly assistant: AssistantRules;
  /** Length of a contract, in years. */
  readonly contractYears: RuleRow<number>;
  /** Options open to new contracts. */
  readonly newOptions: RuleRow<readonly Option[]>;
  /** Yearly amounts per option. */
  readonly amounts: Readonly<Partial<Record<Option, AmountRows>>>;
  /** The percentiles of the starting patientèle that open the two higher amount tiers. */
  readonly tierEdges: RuleRow<{
    /** Lower edge of the `p90-p95` tier. */
    readonly p90p95: PercentileKey;
    /** Lower edge of the `p95-plus` tier. */
    readonly p95plus: PercentileKey;
  }>;
  /** The measure a GP's amount tier is read on. */
  readonly tierMeasure: RuleRow<Measure>;
  /** Known GP percentiles, per measure. */
  readonly gpPercentiles: Readonly<Record<Measure, Readonly<Partial<Record<PercentileKey, RuleRow<number>>>>>>;
  /** Eligibility rules. */
  readonly eligibility: EligibilityRules;
  /** Target rules. */
  readonly targets: TargetRules;
  /** Payment calendar. */
  readonly payments: HiringPaymentRules | AdvanceBalancePaymentRules;
  /** Settlement defaults. */
  readonly settlement: SettlementRules;
  /** Running contracts of earlier regimes priced by this one from an anniversary. */
  readonly revaluation?: RuleRow<RevaluationRule>;
  /** Contracts of earlier regimes that may move to this one. */
  readonly transfer?: RuleRow<TransferRule>;
}

/** A regime: its identity, the contracts it applies to, its sources and its rule table. */
export interface RuleSet<Id extends string = string> {
  /** Identifier. */
  readonly id: Id;
  /** The kind of contract the regime governs. */
  readonly contract: 'individual';
  /** Short title. */
  readonly title: string;
  /** The instrument, in French, as published. */
  readonly instrument: string;
  /** First signing date it applies to. */
  readonly appliesFrom: IsoDate;
  /** Last signing date it applies to (the day before the next regime of its kind starts), or null when still in force. */
  readonly appliesTo: IsoDate | null;
  /** How sure the library is of the regime's dates and existence. */
  readonly reference: LegalReference;
  /** Every source the table cites. */
  readonly sources: readonly LegalReference[];
  /** Version stamp of the table: it changes whenever a row changes (guarded by a test). */
  readonly version: string;
  /** The rule table. */
  readonly table: RuleTable;
}

/** The company that signs a collective contract: SCP, SCM, SISA, or an SEL (which cannot sign). */
export type Structure = 'scp' | 'scm' | 'sisa' | 'sel';
/** Every structure, in order. */
export const STRUCTURES: readonly Structure[] = Object.freeze(['scp', 'scm', 'sisa', 'sel']);

/** The amounts of a collective contract per ETP financed, in euros as decimal strings. */
export interface CollectiveAmountRows {
  /** Contract year 1. */
  readonly year1: RuleRow<string>;
  /** Contract year 2. */
  readonly year2: RuleRow<string>;
  /** Each contract year from year 3. */
  readonly year3plus: RuleRow<string>;
}

/** The rule table of a collective contract (a group of GPs). */
export interface CollectiveTable extends LifeRules {
  /** Length of a contract, in years. */
  readonly contractYears: RuleRow<number>;
  /** Which structures may sign (`true`) and which may not. */
  readonly structures: Readonly<Record<Structure, RuleRow<boolean>>>;
  /** The specialties a member may have. */
  readonly memberSpecialties: RuleRow<readonly Specialty[]>;
  /** Whether a médecin à exercice particulier (MEP) may be a member. */
  readonly memberMep: RuleRow<boolean>;
  /** Whether each sector may be a member's. */
  readonly memberSectors: Readonly<Record<Sector, RuleRow<boolean>>>;
  /** The members' average médecin traitant patientèle must be at least this figure. */
  readonly averageThreshold: RuleRow<{
    /** The measure averaged. */
    readonly measure: Measure;
    /** The average to reach (`gte`: a figure equal to it passes). */
    readonly atLeast: number;
    /** `gte`: at least the figure. */
    readonly comparison: 'gte';
  }>;
  /** A member's running individual contract must have ended before the collective one is signed. */
  readonly noCumulation: RuleRow<{
    /** The individual contract must end on a day before the signing date. */
    readonly individualEndsBeforeSigning: boolean;
  }>;
  /** Waiting period after a collective contract ended, before any new contract. */
  readonly waitingPeriod: RuleRow<{
    /** Years to wait. */
    readonly years: number;
    /** Whether the caisse's director may waive it. */
    readonly waivable: boolean;
  }>;
  /** ETP financed: at most so many per member, chosen by the group. */
  readonly etpPerMember: RuleRow<string>;
  /** ETP chosen in steps of this size. */
  readonly etpStep: RuleRow<string>;
  /** Extra ETP per member who hosts a docteur junior as maître de stage universitaire. */
  readonly docteurJuniorBonus: RuleRow<string>;
  /** Extra ETP per member when the structure is approved as an ambulatory training site. */
  readonly trainingSiteBonus: RuleRow<string>;
  /** The first day the two bonuses apply. */
  readonly bonusFrom: RuleRow<IsoDate>;
  /** Amounts per ETP financed. */
  readonly amounts: CollectiveAmountRows;
  /** How a half ETP is priced: this share of each amount. */
  readonly halfEtpShare: RuleRow<string>;
  /** The group's targets per ETP financed. */
  readonly targetsPerEtp: Readonly<Record<Measure, RuleRow<number>>>;
  /** Years after signature within which the group's targets are due. */
  readonly targetsWithinYears: RuleRow<number>;
  /** The targets are reduced by what members gained under earlier individual contracts (never below 0). */
  readonly earlierGainsDeducted: RuleRow<boolean>;
  /** A member installed recently before signature gets a P50 target of its own. */
  readonly newlyInstalled: RuleRow<{
    /** Installed less than this many months before the signing date. */
    readonly installedWithinMonths: number;
    /** Years of membership after which the target is due. */
    readonly afterYears: number;
  }>;
  /** The national GP P50 per measure (a newly installed member's target). */
  readonly gpP50: Readonly<Record<Measure, RuleRow<number>>>;
  /** The payment calendar (not published for the collective contract). */
  readonly payments: AdvanceBalancePaymentRules;
  /** Settlement defaults. */
  readonly settlement: SettlementRules;
  /** A group whose total patientèle falls below its start may be terminated by the caisse: a risk, not money. */
  readonly belowStartRisk: RuleRow<'termination-risk'>;
}

/** A regime of collective contracts: identity, dates, sources and table. */
export interface CollectiveRuleSet<Id extends string = string> extends Omit<RuleSet<Id>, 'contract' | 'table'> {
  /** The kind of contract the regime governs. */
  readonly contract: 'collective';
  /** The rule table. */
  readonly table: CollectiveTable;
}

/** A regime of either contract kind. */
export type AnyRuleSet<Id extends string = string> = RuleSet<Id> | CollectiveRuleSet<Id>;

/** A regime as its module declares it: everything but its end, which the registry derives. */
export type RegimeModule<R extends AnyRuleSet = AnyRuleSet> = Omit<R, 'appliesTo'>;
