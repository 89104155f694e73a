import type { UpdateMetadata } from './update-metadata';

/**
 * What the update service needs from electron-updater, and nothing more.
 * main/electron/updater.ts adapts the real `autoUpdater`; tests pass a fake
 * that records what it was asked to do. The service calls these only after
 * the release's signed metadata has been verified.
 */
export interface Updater {
  /** Points the updater at the feed (generic provider) and channel. Never downloads by itself. */
  configure(feed: { readonly url: string; readonly channel: string }): void;
  /** The release the updater itself read from the feed; null when it is inactive (an unpackaged run). */
  check(): Promise<UpdateMetadata | null>;
  /** Downloads what the last check found; resolves with the downloaded file paths. */
  download(onProgress: (percent: number) => void): Promise<string[]>;
  /** Whether a downloaded release is installed when the app quits. */
  setInstallOnQuit(enabled: boolean): void;
  /** Quits the app and runs the installer now. */
  installNow(): void;
}

/** A failure the updater could classify; anything else it throws is DOWNLOAD_FAILED. */
export class UpdaterError extends Error {
  constructor(
    readonly kind: 'installer-modified' | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'UpdaterError';
  }
}

/** Reads one file of the update source by name (`latest.yml`, `latest.yml.sig`); null when it is not there. */
export type SourceReader = (name: string) => Promise<Uint8Array | null>;

/** Fetches one URL's body; null for 404. The app passes Electron's net.fetch (system proxy and certificates). */
export type FetchBytes = (url: string) => Promise<Uint8Array | null>;

const MAX_METADATA_BYTES = 1024 * 1024;

/** Node's own fetch, for the CLI and tests: metadata files are small, so the body is capped. */
export const nodeFetchBytes: FetchBytes = async (url) => {
  const response = await fetch(url, { cache: 'no-store', redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  return responseBytes(response);
};

/** The body of a metadata response, or null for 404; refuses other statuses and oversized bodies. */
export async function responseBytes(response: Response): Promise<Uint8Array | null> {
  if (response.status === 404) return null;
  if (!response.ok) throw new UpdaterError('unreachable', `HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_METADATA_BYTES) throw new UpdaterError('unreachable', `response larger than ${MAX_METADATA_BYTES} bytes`);
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length > MAX_METADATA_BYTES) throw new UpdaterError('unreachable', `response larger than ${MAX_METADATA_BYTES} bytes`);
  return body;
}

/** Reads metadata from an http(s) update source; names are resolved against the base URL like the updater does. */
export function urlSourceReader(baseUrl: string, fetchBytes: FetchBytes): SourceReader {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return (name) => fetchBytes(new URL(encodeURIComponent(name), base).href);
}
