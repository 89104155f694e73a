import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../../../shared/ipc/errors';
import type { SavedMapping } from '../mapping/header-detect';
import type { WorkerMessage } from './parse-in-worker';
import { readManifest } from './read-manifest';

/** Worker entry: one file in, one message out. Never touches the database. */
const { fileName, savedMappings, override, sender } = workerData as {
  fileName: string;
  savedMappings: Record<string, SavedMapping>;
  override?: SavedMapping;
  sender?: string;
};

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

parentPort?.once('message', (bytes: Uint8Array) => {
  try {
    const manifest = readManifest({ fileName, bytes, savedMappings, ...(override ? { override } : {}), ...(sender ? { sender } : {}) }, (stage, done, total) =>
      post({ type: 'progress', stage, done, total }),
    );
    post({ type: 'done', manifest });
  } catch (error) {
    if (error instanceof DomainError) {
      post({ type: 'refused', code: error.code, message: error.message, details: error.details });
    } else {
      post({ type: 'refused', code: 'FILE_CORRUPT', message: `${fileName}: ${(error as Error).message}`, details: { file: fileName, detail: (error as Error).message } });
    }
  }
});
