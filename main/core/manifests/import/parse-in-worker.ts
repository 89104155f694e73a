import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../../../shared/ipc/errors';
import type { Actor } from '../../audit/audit-log';
import type { ParsedManifest, StoredManifestSummary } from '../consignment';
import type { StoreOutcome } from './store-manifest';
import type { SavedMapping } from '../mapping/header-detect';
import { refuse } from './refusal';

export interface ParseRequest {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Saved column choices by header fingerprint. */
  readonly savedMappings: Readonly<Record<string, SavedMapping>>;
  /** Choices for this file only (mapping wizard, `pcu import --mapping`): header text → field. */
  readonly override?: SavedMapping;
  readonly sender?: string;
  /**
   * Store the result from the worker's own connection, so 100,000 parsed lines
   * never cross back to the main thread and the main process stays responsive.
   */
  readonly commit?: CommitRequest;
}

export interface CommitRequest {
  readonly dbFile: string;
  /** A copy of the database key for the worker's connection; wiped there after use. */
  readonly key: Uint8Array;
  readonly actor: Actor;
  readonly nowIso: string;
  readonly saveMapping: boolean;
}

export type WorkerOutcome =
  | { readonly kind: 'parsed'; readonly manifest: ParsedManifest }
  | { readonly kind: 'stored'; readonly outcome: StoreOutcome; readonly summary: StoredManifestSummary };

export interface ParseLimits {
  /** Wall-clock limit for one file. */
  readonly timeoutMs: number;
  /** Heap the import may use before it is stopped (its reading and storing threads together, see storeHeapOf). */
  readonly maxHeapMb: number;
}

export const defaultParseLimits: ParseLimits = { timeoutMs: 120_000, maxHeapMb: 1536 };

/** How long a worker that has answered may go on tidying up before it is stopped. */
const TIDY_UP_MS = 30_000;

/** Young-generation heap of the reading thread (the parser allocates short-lived strings by the million). */
const READ_YOUNG_MB = 64;

/** Heap limits of the storing thread (store-thread.ts), in MB. */
export interface StoreHeap {
  readonly oldMb: number;
  readonly youngMb: number;
}

/**
 * An import that stores runs two threads; they share the import's heap limit
 * rather than each having it, so a hostile file can take no more memory than
 * before. The storing thread holds a few chunks of lines, the container and
 * party ids and, for an amendment, the previous version's lines: a quarter of
 * the limit, at most 256 MB, is ample; the reading thread keeps the rest.
 */
export function storeHeapOf(maxHeapMb: number): StoreHeap {
  return { oldMb: Math.max(1, Math.min(256, Math.floor(maxHeapMb / 4))), youngMb: Math.max(1, Math.min(16, Math.floor(maxHeapMb / 16))) };
}

/** Messages from the worker. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly stage: 'reading' | 'mapping' | 'validating' | 'storing'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly outcome: WorkerOutcome }
  | { readonly type: 'refused'; readonly code: string; readonly message: string; readonly details: unknown };

/**
 * Where the worker's code is: beside the bundle when built (out/worker), or the
 * TypeScript source run through tsx (CLI from a checkout, tests). The built
 * bundle is plain CommonJS and starts with no Node options of its parent
 * (`execArgv: []`): a parent started through tsx would otherwise load tsx's
 * loader into every import thread, which the app never does (170 ms a thread).
 */
export function workerEntry(env: NodeJS.ProcessEnv = process.env): { code: string; eval: boolean; execArgv?: string[] } {
  // The benchmark measures the worker that ships (out/worker) even when run from the sources.
  if (env.PCU_IMPORT_WORKER) return { code: path.resolve(env.PCU_IMPORT_WORKER), eval: false, execArgv: [] };
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    // From source (CLI in a checkout, tests): register tsx inside the worker, then load the TypeScript entry.
    const entry = pathToFileURL(path.join(path.dirname(here), 'parse-worker.ts')).href;
    return {
      code: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
      eval: true,
    };
  }
  // In an installed app the worker is unpacked beside app.asar (electron-builder.yml asarUnpack):
  // a worker thread is started by Node's own loader, which cannot read inside an asar archive.
  const built = path
    .resolve(path.dirname(here), '../worker/parse-worker.cjs')
    .replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  if (!existsSync(built)) throw new Error(`parse worker not found at ${built}: run npm run build`);
  return { code: built, eval: false, execArgv: [] };
}

export interface ParseHandle<T> {
  readonly result: Promise<T>;
  cancel(): void;
}

/**
 * Reads, maps and validates one file in a worker thread with a heap limit and
 * a time limit, so a hostile or broken file cannot take the main process down
 * with it. Only progress and the parsed manifest (or, with `commit`, a summary
 * of what was stored) come back. With `commit` the worker starts its own
 * storing thread (store-thread.ts); the time limit and cancel end both.
 */
export function parseInWorker(
  request: ParseRequest,
  onProgress: (message: Extract<WorkerMessage, { type: 'progress' }>) => void = () => {},
  limits: ParseLimits = defaultParseLimits,
): ParseHandle<WorkerOutcome> {
  const entry = workerEntry();
  const storeHeap = request.commit ? storeHeapOf(limits.maxHeapMb) : null;
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
    workerData: {
      fileName: request.fileName,
      savedMappings: request.savedMappings,
      override: request.override,
      sender: request.sender,
      commit: request.commit,
      ...(storeHeap ? { storeHeap } : {}),
    },
    resourceLimits: {
      maxOldGenerationSizeMb: Math.max(1, limits.maxHeapMb - (storeHeap ? storeHeap.oldMb + storeHeap.youngMb : 0)),
      maxYoungGenerationSizeMb: READ_YOUNG_MB,
    },
    stdout: false,
    stderr: false,
  });
  let cancelled = false;
  const result = new Promise<WorkerOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void, stop = true) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      if (stop) void worker.terminate();
      // After an answer the storing thread may still be tidying up (a WAL checkpoint, after the commit):
      // the worker ends by itself; one that does not is stopped after a grace period.
      else setTimeout(() => void worker.terminate(), TIDY_UP_MS).unref();
    };
    const timer = setTimeout(
      () => settle(() => reject(refuse('IMPORT_TIMEOUT', request.fileName, `not read within ${Math.round(limits.timeoutMs / 1000)} s`, { seconds: Math.round(limits.timeoutMs / 1000) }))),
      limits.timeoutMs,
    );
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message);
      else if (message.type === 'done') settle(() => resolve(message.outcome), false);
      else settle(() => reject(new DomainError(message.code as DomainError['code'], message.message, message.details)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? refuse('IMPORT_OUT_OF_MEMORY', request.fileName, 'the file needs more memory than an import may use')
            : refuse('FILE_CORRUPT', request.fileName, error.message),
        ),
      );
    });
    worker.on('exit', (code) => {
      settle(() =>
        reject(cancelled ? refuse('IMPORT_CANCELLED', request.fileName, 'cancelled') : refuse('FILE_CORRUPT', request.fileName, `reader stopped (exit ${code})`)),
      );
    });
    // The bytes are copied once into the worker, then only the result comes back.
    worker.postMessage(request.bytes);
  });
  return {
    result,
    cancel() {
      cancelled = true;
      void worker.terminate();
    },
  };
}

/** Parsing only (the wizard's preview, tests): the manifest with its lines. */
export function parseOnly(
  request: Omit<ParseRequest, 'commit'>,
  onProgress?: (message: Extract<WorkerMessage, { type: 'progress' }>) => void,
  limits?: ParseLimits,
): ParseHandle<ParsedManifest> {
  const handle = parseInWorker(request, onProgress, limits);
  return {
    cancel: handle.cancel,
    result: handle.result.then((outcome) => {
      if (outcome.kind !== 'parsed') throw new Error('the worker stored a manifest it was only asked to read');
      return outcome.manifest;
    }),
  };
}
