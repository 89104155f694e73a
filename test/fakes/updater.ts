import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { channelFileName, normaliseOffer, type UpdateMetadata } from '../../main/core/updates/update-metadata';
import { UpdaterError, type Updater } from '../../main/core/updates/updater';

interface RawInfo {
  version: string;
  files: { url: string; sha512: string; size?: number }[];
  path?: string;
  sha512?: string;
}

/**
 * A stand-in for electron-updater behind the core's Updater interface. Like
 * the generic provider it really fetches `<feed>/<channel file>` and the
 * installer over HTTP (so what it sees is what the source serves), and it
 * records every request the service made, so a test can prove that nothing
 * was downloaded or installed.
 */
export class FakeUpdater implements Updater {
  readonly configured: { url: string; channel: string }[] = [];
  readonly installOnQuit: boolean[] = [];
  checks = 0;
  /** URLs of installers fetched. */
  readonly downloads: string[] = [];
  installs = 0;
  /** Pretend to be an unpackaged run: check() answers null. */
  inactive = false;
  /** Like electron-updater, refuse a download whose SHA-512 differs from the metadata it read. */
  verifiesChecksum = false;
  /** Change what the updater believes it read (a server answering the second request differently). */
  alterOffer: ((offer: UpdateMetadata) => UpdateMetadata) | null = null;
  private held: { resolve: () => void; progress: (percent: number) => void } | null = null;
  private holdNext = false;
  private info: RawInfo | null = null;

  constructor(
    readonly downloadDir: string,
    private readonly platform: NodeJS.Platform = 'linux',
    private readonly arch = 'x64',
  ) {}

  get installOnQuitNow(): boolean {
    return this.installOnQuit.at(-1) ?? false;
  }

  configure(feed: { url: string; channel: string }): void {
    this.configured.push(feed);
  }

  async check(): Promise<UpdateMetadata | null> {
    this.checks += 1;
    if (this.inactive) return null;
    const feed = this.feed();
    const response = await fetch(new URL(`${channelFileName(feed.channel, this.platform, this.arch)}?noCache=${this.checks}`, feed.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    this.info = parse(await response.text()) as RawInfo;
    const offer = normaliseOffer(this.info);
    return this.alterOffer ? this.alterOffer(offer) : offer;
  }

  /** The next download waits for release(); progress(n) reports n % meanwhile (the e2e shows both). */
  holdDownload(): void {
    this.holdNext = true;
  }

  progress(percent: number): void {
    this.held?.progress(percent);
  }

  release(): void {
    this.held?.resolve();
  }

  get downloadHeld(): boolean {
    return this.held !== null;
  }

  async download(onProgress: (percent: number) => void): Promise<string[]> {
    if (!this.info) throw new Error('Please check update first');
    const feed = this.feed();
    if (this.holdNext) {
      this.holdNext = false;
      await new Promise<void>((resolve) => {
        this.held = { resolve, progress: onProgress };
      });
      this.held = null;
    }
    mkdirSync(this.downloadDir, { recursive: true });
    const saved: string[] = [];
    for (const file of this.info.files) {
      const url = new URL(file.url, feed.url).href;
      this.downloads.push(url);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      onProgress(50);
      if (this.verifiesChecksum && createHash('sha512').update(bytes).digest('base64') !== file.sha512) {
        throw new UpdaterError('installer-modified', `sha512 checksum mismatch for ${file.url}`);
      }
      const target = path.join(this.downloadDir, decodeURIComponent(path.posix.basename(file.url)));
      writeFileSync(target, bytes);
      onProgress(100);
      saved.push(target);
    }
    return saved;
  }

  setInstallOnQuit(enabled: boolean): void {
    this.installOnQuit.push(enabled);
  }

  installNow(): void {
    this.installs += 1;
  }

  private feed(): { url: string; channel: string } {
    const feed = this.configured.at(-1);
    if (!feed) throw new Error('the updater was not configured');
    return feed;
  }
}
