import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, EventPayload, ImportFileResult } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { MAX_MANIFEST_BYTES } from '../../../../../shared/domain/manifest';
import { FILES_PER_CALL, readUpload, refusedHere, type Upload } from './file-upload';

/** The officer's column choices from the mapping wizard: header text as written → field, or null to leave it out. */
export type ColumnMapping = NonNullable<ChannelInput<'manifests.import'>['mapping']>;

export interface ImportOutcome {
  readonly result: ImportFileResult;
  /** Kept so the officer can map its columns without choosing the file again; null if it never left this window. */
  readonly upload: Upload | null;
}

/** Main's progress event, counted over the whole run (a run may take several calls). */
export type ImportProgress = EventPayload<'manifests.importProgress'>;

/** A file dropped or chosen here, or one read before (the wizard sends its file again). */
export type ImportSource = File | Upload;

export interface ManifestImport {
  readonly running: boolean;
  /** Null until main reports: the files are still being read in this window. */
  readonly progress: ImportProgress | null;
  readonly cancelling: boolean;
  /** One outcome per source, in the order given; rejects only if a call itself failed (e.g. the session locked). */
  run(sources: readonly ImportSource[], mapping?: ColumnMapping): Promise<ImportOutcome[]>;
  cancel(): void;
}

type Pending = { readonly index: number; readonly source: ImportSource };

/**
 * Sends files to `manifests.import` and follows `manifests.importProgress`.
 * Files over the limit are refused here, never sent. Cancelling stops the file
 * main is reading and every file not yet sent.
 */
export function useManifestImport(): ManifestImport {
  const api = useApi();
  const { language } = useI18n();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  // Read by the event listener and between awaits, where state from the last render would be stale.
  const live = useRef({ running: false, cancelled: false, offset: 0, total: 0 });

  useEffect(
    () =>
      api.on('manifests.importProgress', (event) => {
        const run = live.current;
        // Pushes travel apart from the answer and may trail it: once the run is over they are old news.
        if (!run.running) return;
        setProgress({ ...event, fileIndex: run.offset + event.fileIndex, files: run.total });
      }),
    [api],
  );

  const read = useCallback(
    async ({ index, source }: Pending): Promise<{ index: number; upload: Upload } | { index: number; refused: ImportOutcome }> => {
      if (!(source instanceof File)) return { index, upload: source };
      try {
        return { index, upload: await readUpload(source) };
      } catch (error) {
        // Removed from a USB stick after choosing it, or the disk would not give it up.
        const detail = error instanceof Error ? error.message : String(error);
        return { index, refused: { result: refusedHere(language, source.name, 'FILE_UNREADABLE', detail), upload: null } };
      }
    },
    [language],
  );

  const run = useCallback(
    async (sources: readonly ImportSource[], mapping?: ColumnMapping): Promise<ImportOutcome[]> => {
      const state = live.current;
      if (state.running) throw new Error('an import is already running');
      Object.assign(state, { running: true, cancelled: false, offset: 0, total: 0 });
      setRunning(true);
      setProgress(null);
      setCancelling(false);
      try {
        const outcomes: ImportOutcome[] = [];
        const pending: Pending[] = [];
        sources.forEach((source, index) => {
          if (source instanceof File && source.size > MAX_MANIFEST_BYTES) {
            outcomes[index] = { result: refusedHere(language, source.name, 'FILE_TOO_LARGE'), upload: null };
          } else pending.push({ index, source });
        });
        state.total = pending.length;
        const cancelledHere = (turn: readonly Pending[]) => {
          for (const { index, source } of turn) outcomes[index] = { result: refusedHere(language, source.name, 'IMPORT_CANCELLED'), upload: null };
        };
        for (let start = 0; start < pending.length; start += FILES_PER_CALL) {
          const turn = pending.slice(start, start + FILES_PER_CALL);
          if (state.cancelled) {
            cancelledHere(turn);
            continue;
          }
          const readTurn = await Promise.all(turn.map(read));
          // Cancelled while this window was still reading the files: they are not sent at all.
          if (state.cancelled) {
            cancelledHere(turn);
            continue;
          }
          const sent = readTurn.flatMap((entry) => ('upload' in entry ? [entry] : []));
          for (const entry of readTurn) if ('refused' in entry) outcomes[entry.index] = entry.refused;
          if (sent.length === 0) continue;
          // Main numbers the files of each call from 0; the bar counts the whole run.
          state.offset = start;
          const results = await api.invoke('manifests.import', { files: sent.map((entry) => entry.upload), ...(mapping ? { mapping } : {}) });
          results.forEach((result, position) => {
            const entry = sent[position];
            if (entry) outcomes[entry.index] = { result, upload: entry.upload };
          });
        }
        return outcomes;
      } finally {
        state.running = false;
        setRunning(false);
        setProgress(null);
        setCancelling(false);
      }
    },
    [api, language, read],
  );

  const cancel = useCallback(() => {
    if (!live.current.running || live.current.cancelled) return;
    live.current.cancelled = true;
    setCancelling(true);
    api.invoke('manifests.cancelImport').catch((error: unknown) => console.error('cancel failed', String(error)));
  }, [api]);

  return { running, progress, cancelling, run, cancel };
}
