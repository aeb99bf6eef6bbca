/**
 * Eligibility of a group of GPs for a collective contract: the structure, each member, the
 * members' average médecin traitant patientèle and the maximum ETP financed.
 * @internal
 */
import * as z from 'zod/mini';
import { addMonths, addYears } from '../core/dates.js';
import { fail } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { dec } from '../core/money.js';
import { flag, isoDate, oneOf, parseInput, patientCount } from '../core/schemas.js';
import type { LegalReference } from '../core/trace.js';
import {
  collectiveFields,
  memberId,
  memberList,
  requireUniqueIds,
  resolveCollective,
  type CollectiveRegime,
} from '../collective/common.js';
import type { Rec } from '../rules/lookup.js';
import type { RuleSetId } from '../rules/registry.js';
import type { ResultBase } from '../rules/result.js';
import { sector, specialty } from '../rules/schemas.js';
import type { Specialty } from '../rules/specialties.js';
import { STRUCTURES, type Patientele, type RuleRow, type Sector, type Structure } from '../rules/types.js';
import { MEASURE_FR } from '../rules/words.js';
import { checkFr } from '../rules/checks-fr.js';

const member = z.strictObject({
  id: memberId,
  specialty,
  sector,
  mep: z.optional(flag),
  patientele: z.strictObject({ medecinTraitant: patientCount, fileActive: z.optional(patientCount) }),
  installedOn: z.optional(isoDate),
  hostsDocteurJunior: z.optional(flag),
  individualContract: z.optional(z.strictObject({ signedOn: isoDate, endsOn: z.optional(isoDate) })),
  previousCollectiveEndedOn: z.optional(isoDate),
  waiver: z.optional(flag),
});

/** The input schema of a group's eligibility (JSON Schema generated from it in schemas/). @internal */
export const collectiveSchema = z.strictObject({
  ...collectiveFields,
  structure: oneOf(STRUCTURES as [Structure, ...Structure[]]),
  trainingSite: z.optional(flag),
  members: memberList(member),
});

/** A member's patientèle at signature: the médecin traitant count is required. */
export interface MemberPatientele extends Patientele {
  /** Patients who declared the member as médecin traitant. */
  readonly medecinTraitant: number;
}

/** The dates of a member's individual contract. */
export interface IndividualContractDates {
  /** Its signing date. */
  readonly signedOn: string;
  /** Its last day, when it has been ended. */
  readonly endsOn?: string;
}

/** A member of the group, as the eligibility of a collective contract reads it. */
export interface CollectiveMember {
  /** The member's identifier within the group (a name, an RPPS number...). */
  readonly id: string;
  /** The member's specialty: members are GPs. */
  readonly specialty: Specialty;
  /** The member's conventional sector. */
  readonly sector: Sector;
  /** Médecin à exercice particulier (MEP): cannot be a member. */
  readonly mep?: boolean;
  /** The member's patientèle at signature. */
  readonly patientele: MemberPatientele;
  /** Installation date: a member installed recently before signature gets a P50 target of its own. */
  readonly installedOn?: string;
  /** The member is a maître de stage universitaire hosting a docteur junior (extra half ETP from the bonus date). */
  readonly hostsDocteurJunior?: boolean;
  /** The member's individual contract, if any: it must end before the collective contract is signed. */
  readonly individualContract?: IndividualContractDates;
  /** The end of a collective contract the member was in: a waiting period follows it. */
  readonly previousCollectiveEndedOn?: string;
  /** The caisse's director waived the waiting period. */
  readonly waiver?: boolean;
}

/** Input of {@link checkEligibility} for a collective contract. */
export interface CollectiveEligibilityInput {
  /** A group's contract. */
  readonly contract: 'collective';
  /** Planned signing date (ISO `YYYY-MM-DD`); selects the regime. */
  readonly signedOn: string;
  /** Forces a regime of collective contracts instead of the one in force on `signedOn`. */
  readonly ruleSet?: RuleSetId;
  /** The company that signs. */
  readonly structure: Structure;
  /** The structure is approved as an ambulatory training site (extra half ETP per member from the bonus date). */
  readonly trainingSite?: boolean;
  /** The associates who take part. */
  readonly members: readonly CollectiveMember[];
}

/** One condition of a collective contract and its outcome. */
export interface CollectiveCheck {
  /** Identifier of the rule row checked. */
  readonly rule: string;
  /** Whether it is met. */
  readonly passed: boolean;
  /** One-line reason, with the figures compared. */
  readonly detail: string;
  /** Where the condition comes from. */
  readonly reference: LegalReference;
}

/** The eligibility of one member. */
export interface MemberEligibility {
  /** The member's identifier. */
  readonly id: string;
  /** Whether the member may take part (every check passed). */
  readonly eligible: boolean;
  /** The member's checks. */
  readonly checks: readonly CollectiveCheck[];
  /** Whether the member counts as newly installed (own P50 target). */
  readonly newlyInstalled: boolean;
}

/** Result of {@link checkEligibility} for a collective contract. */
export interface CollectiveEligibilityResult extends ResultBase {
  /** What the result is. */
  readonly kind: 'eligibility';
  /** The kind of contract. */
  readonly contract: 'collective';
  /** Whether the group may sign: the group's checks and every member's passed. */
  readonly eligible: boolean;
  /** The group's checks (structure, average patientèle). */
  readonly checks: readonly CollectiveCheck[];
  /** Each member's checks. */
  readonly members: readonly MemberEligibility[];
  /** The members' average médecin traitant patientèle, two decimals (the comparison itself is exact). */
  readonly averageMedecinTraitant: string;
  /** The most ETP the group may have financed: per member, plus the bonuses. */
  readonly maxEtp: number;
}

type Input = z.output<typeof collectiveSchema>;
type Member = Input['members'][number];

function check(
  rec: Rec,
  list: CollectiveCheck[],
  row: RuleRow<unknown>,
  passed: boolean,
  detail: string,
  inputs: Record<string, unknown>,
): boolean {
  const text = rec.lang === 'fr' ? checkFr(row.id, inputs, passed, detail, row) : detail;
  list.push({ rule: row.id, passed, detail: text, reference: row.reference });
  rec.use(row, inputs, { passed, detail: text });
  return passed;
}

function memberChecks(rec: Rec, ruleSet: CollectiveRegime, signedOn: string, m: Member): MemberEligibility {
  const t = ruleSet.table;
  const list: CollectiveCheck[] = [];
  const who = { member: m.id };
  const gp = t.memberSpecialties.value.includes(m.specialty);
  check(
    rec,
    list,
    t.memberSpecialties,
    gp,
    gp ? `${m.id}: ${m.specialty}` : `${m.id}: ${m.specialty} is not among ${t.memberSpecialties.value.join(', ')}`,
    {
      ...who,
      specialty: m.specialty,
    },
  );
  if (m.mep === true || !t.memberMep.value) {
    const mep = m.mep === true;
    check(
      rec,
      list,
      t.memberMep,
      !mep || t.memberMep.value,
      mep ? `${m.id}: médecin à exercice particulier (MEP)` : `${m.id}: not an MEP`,
      {
        ...who,
        mep,
      },
    );
  }
  const sectorRow = t.memberSectors[m.sector];
  check(rec, list, sectorRow, sectorRow.value, `${m.id}: ${m.sector}${sectorRow.value ? '' : ' cannot be a member'}`, {
    ...who,
    sector: m.sector,
  });
  if (m.individualContract !== undefined) {
    const ends = m.individualContract.endsOn;
    const ended = ends !== undefined && ends < signedOn;
    check(
      rec,
      list,
      t.noCumulation,
      ended,
      ended
        ? `${m.id}: individual contract ends on ${ends}, before ${signedOn}`
        : `${m.id}: individual contract signed ${m.individualContract.signedOn} still runs on ${signedOn}${ends === undefined ? '' : ` (ends ${ends})`}: end it first`,
      { ...who, individualSignedOn: m.individualContract.signedOn, individualEndsOn: ends ?? null, signedOn },
    );
  }
  if (m.previousCollectiveEndedOn !== undefined) {
    const { years, waivable } = t.waitingPeriod.value;
    const free = addYears(m.previousCollectiveEndedOn, years);
    const waited = signedOn >= free;
    const waived = !waited && waivable && m.waiver === true;
    check(
      rec,
      list,
      t.waitingPeriod,
      waited || waived,
      waited
        ? `${m.id}: previous collective contract ended ${m.previousCollectiveEndedOn}, ${String(years)} years have passed`
        : waived
          ? `${m.id}: waiting period until ${free} waived by the caisse's director`
          : `${m.id}: previous collective contract ended ${m.previousCollectiveEndedOn}: no new contract before ${free}`,
      { ...who, previousCollectiveEndedOn: m.previousCollectiveEndedOn, waitingUntil: free, waiver: m.waiver ?? false },
    );
  } else if (m.waiver !== undefined) {
    rec.warn(
      `waiver has no effect for ${m.id}: no previous collective contract is stated.`,
      `waiver est sans effet pour ${m.id} : aucun contrat collectif précédent n'est indiqué.`,
    );
  }
  const months = t.newlyInstalled.value.installedWithinMonths;
  const newlyInstalled = m.installedOn !== undefined && addMonths(m.installedOn, months) > signedOn;
  return { id: m.id, eligible: list.every((c) => c.passed), checks: list, newlyInstalled };
}

/** The most ETP: per member, plus half an ETP per member hosting a docteur junior (or all, for a training site) from the bonus date. */
function maxEtpOf(rec: Rec, ruleSet: CollectiveRegime, input: Input): number {
  const t = ruleSet.table;
  const count = input.members.length;
  const base = dec(t.etpPerMember.value).times(count);
  rec.use(t.etpPerMember, { members: count }, base.toNumber());
  const asking = input.trainingSite === true || input.members.some((m) => m.hostsDocteurJunior === true);
  if (!asking) return base.toNumber();
  const from = t.bonusFrom.value;
  if (input.signedOn < from) {
    rec.use(t.bonusFrom, { signedOn: input.signedOn }, { applies: false });
    rec.warn(
      `The docteur-junior and training-site bonuses apply to contracts signed from ${from}: none for a contract signed on ${input.signedOn}.`,
      `Les majorations docteur junior et terrain de stage s'appliquent aux contrats signés à partir du ${from} : aucune pour un contrat signé le ${input.signedOn}.`,
    );
    return base.toNumber();
  }
  rec.use(t.bonusFrom, { signedOn: input.signedOn }, { applies: true });
  const row = input.trainingSite === true ? t.trainingSiteBonus : t.docteurJuniorBonus;
  const counted = input.trainingSite === true ? count : input.members.filter((m) => m.hostsDocteurJunior === true).length;
  const bonus = dec(row.value).times(counted);
  rec.use(row, { members: counted }, bonus.toNumber());
  return base.plus(bonus).toNumber();
}

/** The computation of {@link checkEligibility} for a collective contract. @internal */
export function collectiveEligibilityCore(input: unknown, rec: Rec): CollectiveEligibilityResult {
  const parsed = parseInput(collectiveSchema, input);
  const ruleSet = resolveCollective(rec, parsed.signedOn, parsed.ruleSet);
  const t = ruleSet.table;
  requireUniqueIds(parsed.members);
  parsed.members.forEach((m, i) => {
    if (m.installedOn !== undefined && m.installedOn > parsed.signedOn)
      fail(
        'INVALID_INPUT',
        ['members', i, 'installedOn'],
        `${m.id} is installed on ${m.installedOn}, after the signing date ${parsed.signedOn}`,
        `${m.id} est installé(e) le ${m.installedOn}, après la date de signature ${parsed.signedOn}`,
      );
  });
  const checks: CollectiveCheck[] = [];
  const structureRow = t.structures[parsed.structure];
  check(
    rec,
    checks,
    structureRow,
    structureRow.value,
    `${parsed.structure.toUpperCase()}${structureRow.value ? ' may sign' : ' cannot sign'}`,
    {
      structure: parsed.structure,
    },
  );
  const members = parsed.members.map((m) => memberChecks(rec, ruleSet, parsed.signedOn, m));
  const { measure, atLeast } = t.averageThreshold.value;
  const total = parsed.members.reduce((sum, m, i) => {
    const count = m.patientele[measure];
    // Stryker disable all: unreachable while the averaged measure (médecin traitant today) is a field the schema requires.
    if (count === undefined)
      fail(
        'MISSING_INPUT',
        ['members', i, 'patientele', measure],
        `the group's threshold averages ${measure}`,
        `le seuil du groupe fait la moyenne de la ${MEASURE_FR[measure]}`,
      );
    // Stryker restore all
    return sum + count;
  }, 0);
  const average = dec(total).div(parsed.members.length);
  const passed = dec(total).greaterThanOrEqualTo(dec(atLeast).times(parsed.members.length));
  check(
    rec,
    checks,
    t.averageThreshold,
    passed,
    `average ${measure} ${average.toFixed(2)} (${String(total)} / ${String(parsed.members.length)}) ${passed ? '≥' : '<'} ${String(atLeast)}`,
    { total, members: parsed.members.length, average: average.toString(), atLeast },
  );
  const maxEtp = maxEtpOf(rec, ruleSet, parsed);
  const eligible = checks.every((c) => c.passed) && members.every((m) => m.eligible);
  return deepFreeze({
    kind: 'eligibility',
    contract: 'collective',
    ruleSet: ruleSet.id,
    eligible,
    checks,
    members,
    averageMedecinTraitant: average.toFixed(2),
    maxEtp,
    ...rec.close(),
  });
}
