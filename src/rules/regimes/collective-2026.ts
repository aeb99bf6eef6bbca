/**
 * # The collective contract (2026)
 *
 * The collective aid for the employment of medical assistants by a group of GPs (« aide
 * collective à l'emploi d'assistants médicaux »), validated by the commission paritaire
 * nationale of the 2024 convention; no avenant number or JORF reference has been found. It is
 * a contract with a company (SCP, SCM or SISA), not with one doctor: each associate who takes
 * part signs a membership form.
 *
 * It governs collective contracts signed from 2026-02-25. Every figure is read on the ameli.fr
 * page on the collective aid through a secondary paraphrase (provenance `secondary`); what the
 * page leaves open is the library's documented interpretation (docs/interpretations.md). Rows
 * follow the order of the page: who signs, the members, the threshold, cumulation, the ETP
 * financed, the amounts, the targets, payments and settlement.
 */
import { AMELI_COLLECTIVE_2026, LIBRARY, cite, rowsFor } from '../sources.js';
import { collectiveRegime } from '../rows.js';

const ID = 'collective-2026';
const row = rowsFor({ ruleSet: ID, from: '2026-02-25' });

const page = cite(AMELI_COLLECTIVE_2026, 'secondary');
const ours = cite(LIBRARY, 'interpretation');

/** The collective contract regime. @internal */
export const collective2026 = collectiveRegime({
  id: ID,
  contract: 'collective',
  title: 'Contrat collectif (2026)',
  version: '1.1.1',
  instrument:
    "Aide collective à l'emploi d'assistants médicaux pour un groupe de médecins généralistes, validée par la commission paritaire nationale de la convention médicale de 2024",
  appliesFrom: '2026-02-25',
  reference: page,
  sources: [page, ours],
  table: {
    // ## Duration
    contractYears: row(
      'contract.years',
      'length of a contract, in years; renewable, members may join or leave at each anniversary',
      5,
      page,
    ),

    // ## Who signs: a company whose associates practise in their own name
    structures: {
      scp: row('structure.scp', 'a société civile professionnelle (SCP) may sign for its associates', true, page),
      scm: row('structure.scm', 'a société civile de moyens (SCM) may sign for its associates', true, page),
      sisa: row('structure.sisa', 'a société interprofessionnelle de soins ambulatoires (SISA, maison de santé) may sign', true, page),
      sel: row('structure.sel', "a société d'exercice libéral (SEL) cannot sign", false, page),
    },

    // ## The members
    memberSpecialties: row('member.specialty', 'members are GPs (médecine générale)', ['medecine-generale'], page),
    memberMep: row('member.mep', 'a médecin à exercice particulier (MEP) cannot be a member', false, page),
    memberSectors: {
      'secteur-1': row('member.sector.secteur-1', 'secteur 1 GPs may be members', true, page),
      'secteur-2-optam': row('member.sector.secteur-2-optam', 'secteur 2 GPs with OPTAM may be members', true, page),
      'secteur-2-optam-co': row(
        'member.sector.secteur-2-optam-co',
        'the page names OPTAM only: a secteur 2 GP under OPTAM-CO is not taken as a member',
        false,
        ours,
      ),
      'secteur-2': row('member.sector.secteur-2', 'secteur 2 GPs without OPTAM cannot be members', false, page),
    },

    // ## The threshold: an average, not each member's count
    averageThreshold: row(
      'threshold.average-medecin-traitant',
      "the members' average médecin traitant patientèle is at least the figure stated (the P30 of GPs excluding MEP at 31 Dec 2021)",
      { measure: 'medecinTraitant', atLeast: 775, comparison: 'gte' },
      page,
    ),

    // ## No cumulation
    noCumulation: row(
      'member.no-running-individual-contract',
      "a member's running individual contract must be ended before the collective contract is signed (its end settles pro rata)",
      { individualEndsBeforeSigning: true },
      page,
    ),
    waitingPeriod: row(
      'member.waiting-period',
      "a member of a collective contract that ended or was terminated waits the years stated before any new contract, unless the caisse's director waives it",
      { years: 2, waivable: true },
      page,
    ),

    // ## ETP financed
    etpPerMember: row('etp.per-member', 'the group chooses the ETP financed, at most this many per member', '1', page),
    etpStep: row('etp.step', 'the ETP financed is chosen in half-ETP steps (the page does not say)', '0.5', ours),
    docteurJuniorBonus: row(
      'etp.docteur-junior',
      'extra ETP per member who is a maître de stage universitaire hosting a docteur junior',
      '0.5',
      page,
    ),
    trainingSiteBonus: row(
      'etp.training-site',
      'extra ETP per member when the structure itself is approved as an ambulatory training site',
      '0.5',
      page,
    ),
    bonusFrom: row(
      'etp.bonus-from',
      'the two bonuses apply from November 2026, taken as its first day (the page gives the month only)',
      '2026-11-01',
      ours,
    ),

    // ## Amounts per ETP financed, paid to the company
    amounts: {
      year1: row('amount.per-etp.year1', 'aid per ETP financed for contract year 1', '38000', page),
      year2: row('amount.per-etp.year2', 'aid per ETP financed for contract year 2', '28000', page),
      year3plus: row(
        'amount.per-etp.year3plus',
        'aid per ETP financed for each contract year from year 3 (no P90/P95 tier)',
        '22000',
        page,
      ),
    },
    halfEtpShare: row('etp.half-share', 'a half ETP is paid this share of each amount per ETP (the page does not say)', '0.5', ours),

    // ## The group's targets
    targetsPerEtp: {
      medecinTraitant: row('targets.per-etp.medecinTraitant', 'médecin traitant patients to add per ETP financed', 260, page),
      fileActive: row('targets.per-etp.fileActive', 'file active patients to add per ETP financed', 110, page),
    },
    targetsWithinYears: row('targets.within-years', 'years after signature within which the group reaches its targets', 2, page),
    earlierGainsDeducted: row(
      'targets.earlier-gains',
      'the targets are reduced by the patients the members gained under their earlier individual contracts (never below zero)',
      true,
      page,
    ),
    newlyInstalled: row(
      'targets.newly-installed',
      'a member installed less than the months stated before signature must reach the national GP P50 after the years of membership stated',
      { installedWithinMonths: 12, afterYears: 3 },
      page,
    ),
    gpP50: {
      medecinTraitant: row('percentile.gp.medecinTraitant.p50', 'national GP P50 of médecin traitant patients at 31 Dec 2021', 1045, page),
      fileActive: row('percentile.gp.fileActive.p50', 'national GP P50 of file active at 31 Dec 2021', 1514, page),
    },

    // ## Payments: not published; the 2024 calendar of individual contracts is taken
    payments: {
      method: 'advance-balance',
      year1: row(
        'payments.year1',
        'year 1: the aid in full within the months stated after signature (calendar not published: that of individual contracts)',
        { withinMonthsOfSignature: 1 },
        ours,
      ),
      year2: row(
        'payments.year2',
        'year 2: the aid in full at the first anniversary (calendar not published: that of individual contracts)',
        { monthsAfterAnniversary: 0 },
        ours,
      ),
      advance: row(
        'payments.advance',
        'from year 3: an advance (share stated) within the months stated after the anniversary that opens the year (calendar not published: that of individual contracts)',
        { share: '0.50', withinMonthsAfterAnniversary: 2 },
        ours,
      ),
      balance: row(
        'payments.balance',
        'from year 3: the balance within the months stated after the anniversary that closes the year (calendar not published: that of individual contracts)',
        { withinMonthsAfterAnniversary: 2 },
        ours,
      ),
    },

    // ## Settlement
    settlement: {
      firstModulatedYear: row(
        'settlement.first-modulated-year',
        'first contract year whose aid is prorated when a target is not met',
        3,
        page,
      ),
      attainment: row(
        'settlement.attainment',
        'attainment of a measure = progress made over progress required, clamped to [0, 1] (formula not published)',
        'progress',
        ours,
      ),
      combine: row(
        'settlement.combine',
        'the higher attainment of the two measures is kept, as for individual contracts since 2023 (formula not published)',
        'max',
        ours,
      ),
      rounding: row('settlement.rounding', 'aid due = annual aid × attainment, rounded half-up to the cent', 'half-up-cent', ours),
    },
    // ## The life of a contract: renewal, notice, early end
    renewal: row(
      'contract.renewal',
      'the collective contract is renewable at the end of each term, for the years stated',
      { maxRenewals: null, renewedYears: 5 },
      page,
    ),
    renewalPricing: row(
      'contract.renewal.pricing',
      "renewed years are priced at the year-3-and-after amount of the regime in force on the renewal date, the contract's tier kept (the sources are silent)",
      { amount: 'year3plus', tierKept: true },
      ours,
    ),
    notice: row(
      'contract.notice',
      'the doctor may end the contract by registered letter, with the months of notice stated',
      { months: 2, by: 'registered-letter' },
      page,
    ),
    earlyEnd: row(
      'settlement.early-end',
      "a year cut short is settled pro rata: the year's aid (with its attainment from the first modulated year) × days in force ÷ days in the year, minus what was paid for it (the sources give no formula)",
      { prorata: 'days-in-force-over-days-in-year' },
      ours,
    ),

    belowStartRisk: row(
      'settlement.below-start',
      'a group whose total patientèle falls below its start may have its contract terminated by the caisse: a risk, not a sum (falling below P30 alone is no ground)',
      'termination-risk',
      page,
    ),
  },
});
