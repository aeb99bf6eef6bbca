// Readable text for the command line: one renderer per result kind.
import type { CompareResult } from '../compare/compareContracts.js';
import type { LedgerResult } from '../ledger/contractLedger.js';
import type { EligibilityResult } from '../eligibility/checkEligibility.js';
import type { CollectiveEligibilityResult } from '../eligibility/collective.js';
import type { ScheduleResult } from '../schedule/aidSchedule.js';
import type { CollectiveScheduleResult } from '../schedule/collective.js';
import type { CollectiveSettleResult } from '../settlement/collective.js';
import type { SettleResult } from '../settlement/settleYear.js';
import type { CollectiveTargetsResult } from '../targets/collective.js';
import type { MeasureTarget, TargetsResult } from '../targets/patientTargets.js';
import { MEASURES } from '../rules/types.js';

/** "18000.00" → "18 000.00 €". */
export function euros(amount: string): string {
  const [int = '', dec = '00'] = amount.replace('-', '').split('.');
  return `${amount.startsWith('-') ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}.${dec} €`;
}

/** A text table with left-aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

function footer(result: { ruleSet: string; warnings: readonly string[] }): string {
  const warnings = result.warnings.map((w) => `  • ${w}`).join('\n');
  return `\nRule set: ${result.ruleSet}${warnings ? `\nInterpretations, caller-supplied figures and cautions:\n${warnings}` : ''}`;
}

/** Eligibility: the verdict, the options and each check. */
export function formatEligibility(r: EligibilityResult): string {
  const head = `Eligible: ${r.eligible ? 'yes' : 'no'}; options: ${r.options.join(', ') || '—'}`;
  const rows = r.checks.map((c) => [c.passed ? 'yes' : 'no', c.scope, c.detail, c.reference.provenance]);
  const second = r.secondAssistantOptions.length > 0 ? `\nSecond assistant options: ${r.secondAssistantOptions.join(', ')}` : '';
  return `${head}${second}\n\n${table(['passed', 'scope', 'check', 'provenance'], rows)}\n${footer(r)}`;
}

/** A group's eligibility: the verdict, the maximum ETP, the group's and each member's checks. */
export function formatGroupEligibility(r: CollectiveEligibilityResult): string {
  const head = `Eligible: ${r.eligible ? 'yes' : 'no'}; average médecin traitant ${r.averageMedecinTraitant}; at most ${String(r.maxEtp)} ETP`;
  const rows = [
    ...r.checks.map((c) => [c.passed ? 'yes' : 'no', 'group', c.detail, c.reference.provenance]),
    ...r.members.flatMap((m) => m.checks.map((c) => [c.passed ? 'yes' : 'no', m.id, c.detail, c.reference.provenance])),
  ];
  return `${head}\n\n${table(['passed', 'scope', 'check', 'provenance'], rows)}\n${footer(r)}`;
}

/** A group's targets: the group's, then newly installed members' own. */
export function formatGroupTargets(r: CollectiveTargetsResult): string {
  const rows = MEASURES.map((measure) => {
    const t = r.targets[measure];
    return ['group', measure, String(t.start), `+${String(t.increase)}`, String(t.target), t.dueBy];
  });
  const own = r.members.flatMap((m) =>
    MEASURES.flatMap((measure) => {
      const t = m[measure];
      return t ? [[m.id, measure, String(t.start), `+${String(t.target - t.start)}`, String(t.target), t.dueBy]] : [];
    }),
  );
  return `${String(r.etp)} ETP\n\n${table(['who', 'measure', 'start', 'increase', 'target', 'due by'], [...rows, ...own])}\n${footer(r)}`;
}

/** Individual or collective: year by year, then each member and what cannot be compared. */
export function formatComparison(r: CompareResult): string {
  const rows = [
    ...r.years.map((y) => [String(y.year), euros(y.individual), euros(y.collective), euros(y.difference)]),
    ['total', euros(r.totals.individual), euros(r.totals.collective), euros(r.totals.difference)],
  ];
  const members = r.individual.map(
    (s) =>
      `  • ${s.id}: ${s.eligible ? `individual ${s.option}, tier ${s.tier}${s.tierStated ? '' : ' (assumed)'}` : 'not eligible for an individual contract'}`,
  );
  const notes = r.notComparable.map((n) => `  • ${n}`);
  return `Collective: ${r.collective.eligible ? 'eligible' : 'not eligible'}, ${String(r.collective.etp)} ETP (at most ${String(r.collective.maxEtp)})\n\n${table(['year', 'individual (sum)', 'collective', 'difference'], rows)}\n\nMembers:\n${members.join('\n')}\n\nNot comparable:\n${notes.join('\n')}`;
}

/** Schedule: one line per contract year with its payments. */
export function formatSchedule(r: ScheduleResult | CollectiveScheduleResult): string {
  const rows = r.years.map((y) => [
    String(y.year),
    y.start,
    y.end,
    euros(y.amount),
    y.pricedBy,
    y.payments
      .map(
        (p) =>
          `${p.kind} ${euros(p.amount)} by ${p.dueBy ?? `hiring + ${String(p.dueWithinDaysOfHiring)} days`}${p.conditional ? ' (max.)' : ''}`,
      )
      .join('; '),
  ]);
  const head = r.contract === 'collective' ? `${String(r.etp)} ETP (collective)` : `Option ${r.option}, tier ${r.tier}`;
  return `${head}\n\n${table(['year', 'from', 'to', 'amount', 'priced by', 'payments'], rows)}\nTotal: ${euros(r.total)} (a maximum: from year 3 the aid depends on the targets)\n${footer(r)}`;
}

/** Targets: one line per measure. */
export function formatTargets(r: TargetsResult): string {
  const rows = (Object.entries(r.targets) as [string, MeasureTarget][]).map(([measure, t]) => [
    measure,
    String(t.start),
    `+${String(t.increase)}`,
    String(t.target),
    t.rate ?? '—',
    t.basis,
  ]);
  const missing = r.unavailable.map((u) => [u.measure, '—', '—', '—', '—', `unavailable: ${u.reason}`]);
  return `Option ${r.option}\n\n${table(['measure', 'start', 'increase', 'target', 'rate', 'basis'], [...rows, ...missing])}\n${footer(r)}`;
}

/** Settlement: the figures of the year. */
export function formatSettlement(r: SettleResult | CollectiveSettleResult): string {
  const rows: string[][] = [
    ['annual aid', `${euros(r.annualAid)} (${r.contract === 'collective' ? r.ruleSet : r.pricedBy})`],
    [
      'attainment',
      Object.entries(r.attainment)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    ['aid due', euros(r.aidDue)],
    ['advance', euros(r.advance)],
    ['balance', `${euros(r.balance)} (${r.balanceKind})`],
  ];
  if (r.contract === 'collective' && r.risk !== undefined) rows.push(['risk', 'below the start: the caisse may end the contract']);
  const head = r.contract === 'collective' ? `${String(r.etp)} ETP (collective)` : `option ${r.option}, tier ${r.tier}`;
  return `Year ${String(r.year)}, ${head}${r.modulated ? '' : ' (not modulated)'}\n\n${table(['', ''], rows)}\n${footer(r)}`;
}

/** A ledger: one line per contract year, then the totals. */
export function formatLedger(r: LedgerResult): string {
  const rows = r.years.map((y) => [
    String(y.year),
    y.start,
    y.end,
    y.aidDue === null ? '—' : euros(y.aidDue),
    euros(y.paid),
    y.balance === null ? '—' : euros(y.balance),
    y.balanceKind,
  ]);
  const t = r.totals;
  return `${table(['year', 'from', 'to', 'aid due', 'paid', 'balance', ''], rows)}\nTotals: due ${euros(t.aidDue)}, paid ${euros(t.paid)}, to pay ${euros(t.toPay)}, to recover ${euros(t.toRecover)}\n${footer(r)}`;
}
