import path from 'node:path';
import { Option } from 'commander';
import { defaultDataDir } from '../core/data-dir';
import type { CliIo } from './io';

export interface CommonOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

export const dataDirOption = () =>
  new Option('--data-dir <dir>', 'the data directory (default: the app\'s own, or $PCU_DATA_DIR)');

export function resolveDataDir(options: CommonOptions, io: CliIo): string {
  return path.resolve(options.dataDir ?? defaultDataDir(io.platform, io.env, io.home));
}
