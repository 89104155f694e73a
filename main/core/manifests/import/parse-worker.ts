import { parentPort, Worker, workerData } from 'node:worker_threads';
import { DomainError } from '../../../../shared/ipc/errors';
import type { Problem } from '../../../../shared/domain/manifest';
import type { ConsignmentRecord, ManifestTotals, StoredManifestSummary } from '../consignment';
import type { SavedMapping } from '../mapping/header-detect';
import { createLinePacker } from './packed-line';
import { defaultParseLimits, storeHeapOf, workerEntry, type CommitRequest, type StoreHeap, type WorkerMessage, type WorkerOutcome } from './parse-in-worker';
import { CHUNK_LINES, parsedManifest, prepareManifestFile, startManifestReading, type ManifestReading, type ProgressReporter } from './read-manifest';
import { runStoreThread, type FromStoreThread, type StoreThreadData, type ToStoreThread } from './store-thread';

/**
 * Worker entry, two roles in one file (the app ships one worker bundle):
 * - the reading thread: one file in, one message out. With `commit`, it starts
 *   a storing thread (store-thread.ts) and streams the validated lines to it, a
 *   chunk at a time, so only a summary travels back to the main thread.
 * - the storing thread, started by the reading thread with role 'store'.
 */

interface ReadThreadData {
  readonly role?: 'read';
  readonly fileName: string;
  readonly savedMappings: Record<string, SavedMapping>;
  readonly override?: SavedMapping;
  readonly sender?: string;
  readonly commit?: CommitRequest;
  /** The storing thread's share of the import's heap (parse-in-worker.ts takes it off this thread's). */
  readonly storeHeap?: StoreHeap;
}

/** Chunks (CHUNK_LINES lines each) on their way to the storing thread before reading waits for it: bounds the memory between them. */
const CHUNKS_IN_FLIGHT = 8;

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

function refusalOf(error: unknown, fileName: string): WorkerMessage {
  if (error instanceof DomainError) return { type: 'refused', code: error.code, message: error.message, details: error.details };
  const detail = (error as Error)?.message ?? String(error);
  return { type: 'refused', code: 'FILE_CORRUPT', message: `${fileName}: ${detail}`, details: { file: fileName, detail } };
}

class StoreFailed extends Error {
  constructor(readonly refusal: Extract<FromStoreThread, { type: 'failed' }>) {
    super(refusal.message);
  }
}

/** The storing thread as the reading thread sees it: send, wait for room, wait for the outcome. */
class StoreThread {
  private readonly worker: Worker;
  private inFlight = 0;
  private begun = false;
  private failed: StoreFailed | null = null;
  private outcome: Extract<FromStoreThread, { type: 'done' }>['outcome'] | null = null;
  private wake: (() => void) | null = null;

  constructor(data: ReadThreadData, commit: NonNullable<ReadThreadData['commit']>) {
    const entry = workerEntry();
    const storeData: StoreThreadData = {
      role: 'store',
      fileName: data.fileName,
      dbFile: commit.dbFile,
      key: commit.key,
      actor: commit.actor,
      nowIso: commit.nowIso,
      ...(commit.saveMapping && data.override ? { mappingOverride: data.override } : {}),
    };
    const heap = data.storeHeap ?? storeHeapOf(defaultParseLimits.maxHeapMb);
    this.worker = new Worker(entry.code, {
      eval: entry.eval,
      ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
      workerData: storeData,
      resourceLimits: { maxOldGenerationSizeMb: heap.oldMb, maxYoungGenerationSizeMb: heap.youngMb },
      stdout: false,
      stderr: false,
    });
    this.worker.on('message', (message: FromStoreThread) => {
      if (message.type === 'stored') this.inFlight -= 1;
      else if (message.type === 'done') this.outcome = message.outcome;
      else this.failed = new StoreFailed(message);
      this.notify();
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.failed ??= new StoreFailed(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { type: 'failed', code: 'IMPORT_OUT_OF_MEMORY', message: `${data.fileName}: the file needs more memory than an import may use`, details: { file: data.fileName, detail: 'the file needs more memory than an import may use' } }
          : { type: 'failed', code: 'INTERNAL', message: `${data.fileName}: storing failed: ${error.message}`, details: { file: data.fileName, detail: error.message } },
      );
      this.notify();
    });
    this.worker.on('exit', () => {
      if (!this.outcome) this.failed ??= new StoreFailed({ type: 'failed', code: 'INTERNAL', message: `${data.fileName}: storing stopped`, details: { file: data.fileName, detail: 'storing stopped' } });
      this.notify();
    });
  }

  private notify() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private waitFor(ready: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failed) reject(this.failed);
        else if (ready()) resolve();
        else this.wake = check;
      };
      check();
    });
  }

  send(message: ToStoreThread) {
    if (this.failed) throw this.failed;
    if (message.type === 'begin') this.begun = true;
    if (message.type === 'lines') this.inFlight += 1;
    this.worker.postMessage(message);
  }

  /** Resolves when there is room for another chunk; rejects when storing failed. */
  room(): Promise<void> {
    return this.waitFor(() => this.inFlight < CHUNKS_IN_FLIGHT);
  }

  async finish(totals: ManifestTotals) {
    this.send({ type: 'finish', totals });
    await this.waitFor(() => this.outcome !== null);
    return this.outcome as NonNullable<typeof this.outcome>;
  }

  /**
   * Rolls back whatever was written. Once a transaction may be open, waits until
   * the thread (and with it the write lock) is gone before the refusal is
   * reported; before that there is nothing to wait for.
   */
  async abort() {
    this.worker.postMessage({ type: 'abort' } satisfies ToStoreThread);
    const stopped = this.worker.terminate();
    if (this.begun) await stopped;
  }
}

/** Reads, validates and (with `commit`) stores one file: lines stream to the storing thread as they are validated. */
async function readAndStore(bytes: Uint8Array, data: ReadThreadData): Promise<WorkerOutcome> {
  const { fileName, savedMappings, override, sender, commit } = data;
  const request = { fileName, bytes, savedMappings, ...(override ? { override } : {}), ...(sender ? { sender } : {}) };
  const progress: ProgressReporter = (stage, done, total) => post({ type: 'progress', stage, done, total });
  let store: StoreThread | null = null;
  try {
    // A file refused before parsing (not a manifest, a bomb) never starts the storing thread.
    const prepared = await prepareManifestFile(request, progress);
    // Started before parsing, so it loads and opens the database while this thread parses.
    if (commit) {
      store = new StoreThread(data, commit);
      // The storing thread has its own copy of the key now.
      commit.key.fill(0);
    }
    const reading: ManifestReading = startManifestReading(request, progress, CHUNK_LINES, prepared);
    const consignments: ConsignmentRecord[] = [];
    const lineProblems: Problem[] = [];
    const packer = createLinePacker();
    let begun = false;
    for (const chunk of reading.chunks()) {
      if (!store) {
        for (const line of chunk) consignments.push(line);
        continue;
      }
      for (const line of chunk) for (const problem of line.problems) lineProblems.push(problem);
      if (!begun) {
        store.send({ type: 'begin', head: reading.head });
        begun = true;
      }
      store.send({ type: 'lines', chunk: packer.pack(chunk) });
      await store.room();
    }
    const totals = reading.totals();
    const { head } = reading;
    if (!store || !begun) {
      // Nothing to store (no lines): the caller reports it, as it reports a file only read.
      await store?.abort();
      return { kind: 'parsed', manifest: parsedManifest(head, consignments, totals) };
    }
    post({ type: 'progress', stage: 'storing', done: 0, total: totals.lineCount });
    const outcome = await store.finish(totals);
    const summary: StoredManifestSummary = {
      fileName: head.fileName,
      sha256: head.sha256,
      format: head.format,
      header: head.header,
      problems: totals.problems,
      containerCount: totals.containerCount,
      totalGrossWeightKg: totals.totalGrossWeightKg,
      badCheckDigitContainers: totals.badCheckDigitContainers,
      ...(head.mapping ? { mapping: head.mapping } : {}),
      lineCount: totals.lineCount,
      allProblems: [...totals.problems, ...lineProblems],
    };
    return { kind: 'stored', outcome, summary };
  } catch (error) {
    await store?.abort();
    throw error;
  } finally {
    // Wiped in any case, also when the file was refused before the storing thread started.
    commit?.key.fill(0);
  }
}

// Loaded outside a worker (a test importing it, say), it does nothing.
const data = workerData as ReadThreadData | StoreThreadData | null;
const port = parentPort;
if (port && data) {
  if (data.role === 'store') {
    runStoreThread(port, data);
  } else {
    const readData = data;
    port.once('message', (bytes: Uint8Array) => {
      readAndStore(bytes, readData).then(
        (outcome) => post({ type: 'done', outcome }),
        (error: unknown) =>
          post(
            error instanceof StoreFailed
              ? { type: 'refused', code: error.refusal.code, message: error.refusal.message, details: error.refusal.details }
              : refusalOf(error, readData.fileName),
          ),
      );
    });
  }
}
