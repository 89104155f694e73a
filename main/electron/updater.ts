import { createRequire } from 'node:module';
import path from 'node:path';
import { app, net } from 'electron';
import type { AppUpdater, Logger, ProgressInfo, UpdateCheckResult } from 'electron-updater';
import type { Log } from '../core/log';
import { normaliseOffer } from '../core/updates/update-metadata';
import { updatePolicyFiles } from '../core/updates/update-policy';
import { responseBytes, UpdaterError, type Updater } from '../core/updates/updater';
import type { UpdateWiring } from '../core/updates/wiring';

/**
 * The part of electron-updater's `autoUpdater` this adapter touches. The
 * real object satisfies it (checked where it is loaded, below); shell tests
 * pass a fake (test/fakes/electron-updater.ts).
 */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  disableDifferentialDownload: boolean;
  disableWebInstaller: boolean;
  channel: string | null;
  logger: Logger | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<Pick<UpdateCheckResult, 'isUpdateAvailable' | 'updateInfo'> | null>;
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (info: ProgressInfo) => void): unknown;
  removeListener(event: 'download-progress', listener: (info: ProgressInfo) => void): unknown;
}

/**
 * Hazard: electron-updater's `autoUpdater` is a getter that builds the
 * platform's updater (and reads Electron's `app`) on first access, so it is
 * loaded only when a check really runs, never at import.
 */
function loadAutoUpdater(): AutoUpdaterLike {
  const required = createRequire(import.meta.url)('electron-updater') as { autoUpdater: AppUpdater };
  const updater: AutoUpdaterLike = required.autoUpdater;
  return updater;
}

/**
 * electron-updater as the core's Updater. Its own safety switches are set
 * once, before it is ever pointed at a feed:
 * - autoDownload off: nothing is fetched before the signed metadata is verified;
 * - autoInstallOnAppQuit off: the update service arms it for a verified release only;
 * - downgrades off, also after setting a channel (electron-updater's channel
 *   setter switches them on);
 * - differential download off: the installer is fetched whole and checked whole
 *   (the loopback folder server does not serve byte ranges either).
 */
export function electronUpdater(log: Log, load: () => AutoUpdaterLike = loadAutoUpdater): Updater {
  let loaded: AutoUpdaterLike | null = null;
  const updater = (): AutoUpdaterLike => {
    if (loaded) return loaded;
    const fresh = load();
    fresh.autoDownload = false;
    fresh.autoInstallOnAppQuit = false;
    fresh.allowDowngrade = false;
    fresh.disableDifferentialDownload = true;
    fresh.disableWebInstaller = true;
    fresh.logger = {
      info: (message?: unknown) => log.info('updater', { detail: String(message) }),
      warn: (message?: unknown) => log.warn('updater', { detail: String(message) }),
      error: (message?: unknown) => log.error('updater', { detail: String(message) }),
    };
    loaded = fresh;
    return fresh;
  };

  return {
    configure({ url, channel }) {
      const target = updater();
      target.setFeedURL({ provider: 'generic', url, channel });
      target.channel = channel;
      target.allowDowngrade = false;
    },

    async check() {
      const result = await updater().checkForUpdates();
      if (result === null) return null;
      // Not offered although newer: a staged rollout or a minimum OS version in the metadata excludes this computer.
      if (!result.isUpdateAvailable) return null;
      return normaliseOffer(result.updateInfo);
    },

    async download(onProgress) {
      const target = updater();
      const listener = (info: ProgressInfo) => onProgress(info.percent);
      target.on('download-progress', listener);
      try {
        return await target.downloadUpdate();
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ERR_CHECKSUM_MISMATCH') {
          throw new UpdaterError('installer-modified', (error as Error).message);
        }
        throw error;
      } finally {
        target.removeListener('download-progress', listener);
      }
    },

    setInstallOnQuit(enabled) {
      updater().autoInstallOnAppQuit = enabled;
    },

    installNow() {
      // Silent (NSIS /S: per-machine, elevated once) and started again afterwards.
      updater().quitAndInstall(true, true);
    },
  };
}

/**
 * Everything the core update service needs from this runtime: the policy
 * locations for this installation, the pinned key inside app.asar (covered
 * by the asar integrity fuse), and metadata fetched through Chromium's
 * network stack, which uses the system proxy and the certificates IT
 * deployed (an intranet CA), as electron-updater's own downloads do.
 */
export function electronUpdateWiring(log: Log, load?: () => AutoUpdaterLike): UpdateWiring {
  const resourcesDir = typeof process.resourcesPath === 'string' ? process.resourcesPath : null;
  return {
    updater: electronUpdater(log, load),
    policyFiles: updatePolicyFiles({
      platform: process.platform,
      env: process.env,
      installDir: app.isPackaged ? path.dirname(process.execPath) : null,
      resourcesDir: app.isPackaged ? resourcesDir : null,
    }),
    publicKeyFile: path.join(app.getAppPath(), 'resources', 'update', 'release-public-key.pem'),
    fetchBytes: async (url) => responseBytes(await net.fetch(url, { cache: 'no-store' })),
    currentUid: process.platform === 'win32' ? null : (process.getuid?.() ?? null),
  };
}
