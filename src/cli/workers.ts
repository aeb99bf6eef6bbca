// The batch's worker threads: the command line's own script started again, each computing and
// writing chunks of rows. Exercised as processes (test/jobs.test.ts), outside in-process coverage.
import { Worker, type MessagePort } from 'node:worker_threads';
import { chunked, formatChunk, type CsvContext, type Formatted, type Item, type Raw, type Shape, type Source } from './batch.js';

/**
 * Computes the rows in `jobs` worker threads, a chunk at a time, and emits the chunks in input
 * order. At most two chunks per worker are in flight: memory stays flat on any file.
 */
export async function inWorkers(
  shape: Shape,
  reads: AsyncIterable<(Raw | Item)[]> | Iterable<Item[]>,
  source: Source,
  jobs: number,
  script: URL,
  emit: (done: Formatted) => Promise<void>,
): Promise<void> {
  const workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: { role: WORKER_ROLE } }));
  const idle = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  const take = () =>
    new Promise<Worker>((resolve) => {
      const free = idle.pop();
      if (free) resolve(free);
      else waiting.push(resolve);
    });
  const give = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const run = async (chunk: (Raw | Item)[], start: number): Promise<Formatted> => {
    const worker = await take();
    try {
      return await new Promise<Formatted>((resolve, reject) => {
        worker.once('message', (done: Formatted) => {
          worker.off('error', reject);
          resolve(done);
        });
        worker.once('error', reject);
        worker.postMessage({ shape, items: chunk, start, csv: source.csv });
      });
    } finally {
      give(worker);
    }
  };
  const inFlight: Promise<Formatted>[] = [];
  let start = 0;
  try {
    for await (const chunk of chunked(reads)) {
      inFlight.push(run(chunk, start));
      start += chunk.length;
      if (inFlight.length >= jobs * 2) await emit(await (inFlight.shift() as Promise<Formatted>));
    }
    while (inFlight.length > 0) await emit(await (inFlight.shift() as Promise<Formatted>));
  } finally {
    await Promise.allSettled(inFlight);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Marks a worker thread of the batch (the command line's own script, started again). */
export const WORKER_ROLE = 'aide-assistant-medical:batch';

/**
 * The body of a batch worker: formats each chunk it is sent, and encodes its output in UTF-8
 * here, sending the bytes without a copy, so that the main thread only writes them.
 */
export function serveBatchWorker(port: MessagePort): void {
  port.on('message', (message: { shape: Shape; items: (Raw | Item)[]; start: number; csv?: CsvContext }) => {
    const done = formatChunk(message.shape, message.items, message.start, message.csv);
    const text = done.out as string;
    // A buffer of its own (never a slice of the shared pool), so that its memory can be handed over.
    const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
    bytes.write(text);
    port.postMessage({ ...done, out: bytes }, [bytes.buffer]);
  });
}
