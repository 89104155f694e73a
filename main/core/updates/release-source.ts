import path from 'node:path';
import type { LoopbackFolderServer } from './loopback-server';
import { readIfPresent } from './release-folder';
import type { UpdateSource } from './update-policy';
import { urlSourceReader, type FetchBytes, type SourceReader } from './updater';

/** An update source opened for one check: where the updater looks, how we read it, and how to close it. */
export interface OpenSource {
  /** The generic-provider base URL for electron-updater. */
  readonly feedUrl: string;
  /** Our own reading of the same files, for the signature check. */
  readonly read: SourceReader;
  close(): Promise<void>;
}

/**
 * A URL is used as it is. A folder is read directly for our own check and
 * served on the loopback address for the updater (which fetches only
 * http(s)); `close` stops that server when the check and its download end.
 * Throws when a folder cannot be served (missing, not a folder).
 */
export async function openReleaseSource(
  source: UpdateSource,
  deps: { readonly fetchBytes: FetchBytes; readonly serveFolder: (folder: string) => Promise<LoopbackFolderServer> },
): Promise<OpenSource> {
  if (source.kind === 'url') {
    return { feedUrl: source.url, read: urlSourceReader(source.url, deps.fetchBytes), close: () => Promise.resolve() };
  }
  const server = await deps.serveFolder(source.folder);
  return { feedUrl: server.url, read: (name) => readIfPresent(path.join(source.folder, name)), close: () => server.close() };
}
