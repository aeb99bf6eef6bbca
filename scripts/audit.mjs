// npm audit of the runtime dependencies. Fails on any known vulnerability. Where the registry
// refuses the audit endpoint (some mirrors answer 405), says so plainly and does not fail:
// no verdict is not a pass, and the message makes that visible in the CI log.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = undefined;
}
if (report?.metadata?.vulnerabilities) {
  const v = report.metadata.vulnerabilities;
  const total = Object.values(v).reduce((a, b) => a + b, 0);
  console.log(`npm audit --omit=dev: ${String(total)} known vulnerabilities ${JSON.stringify(v)}`);
  process.exit(total > 0 ? 1 : 0);
}
const reason = report?.statusCode ? `HTTP ${String(report.statusCode)}` : 'no report';
console.log(`npm audit --omit=dev: NO VERDICT, the registry's audit endpoint is unavailable here (${reason})`);
