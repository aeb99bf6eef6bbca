// Readable text for the command line: one renderer per result kind.
import type { EligibilityResult } from '../eligibility/checkEligibility.js';
import type { ScheduleResult } from '../schedule/aidSchedule.js';
import type { SettleResult } from '../settlement/settleYear.js';
import type { MeasureTarget, TargetsResult } from '../targets/patientTargets.js';

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

/** Schedule: one line per contract year with its payments. */
export function formatSchedule(r: ScheduleResult): string {
  const rows = r.years.map((y) => [
    String(y.year),
    y.start,
    y.end,
    euros(y.amount),
    y.pricedBy,
    y.payments.map((p) => `${p.kind} ${euros(p.amount)} by ${p.dueBy ?? 'hiring + 15 days'}${p.conditional ? ' (max.)' : ''}`).join('; '),
  ]);
  return `Option ${r.option}, tier ${r.tier}\n\n${table(['year', 'from', 'to', 'amount', 'priced by', 'payments'], rows)}\nTotal: ${euros(r.total)} (a maximum: from year 3 the aid depends on the targets)\n${footer(r)}`;
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
export function formatSettlement(r: SettleResult): string {
  const rows: string[][] = [
    ['annual aid', `${euros(r.annualAid)} (${r.pricedBy})`],
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
  return `Year ${String(r.year)}, option ${r.option}, tier ${r.tier}${r.modulated ? '' : ' (not modulated)'}\n\n${table(['', ''], rows)}\n${footer(r)}`;
}
