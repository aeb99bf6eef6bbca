#!/usr/bin/env node
// Entry point of the `aide-assistant-medical` command (and of its batch worker threads, which
// run this same script again).
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serveBatchWorker, WORKER_ROLE } from './workers.js';
import { run } from './cli.js';

if (!isMainThread && parentPort !== null && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) {
  serveBatchWorker(parentPort);
} else {
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stderrIsTTY: process.stderr.isTTY,
    cores: availableParallelism(),
    workerScript: new URL(import.meta.url),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
