import { flipFuses, getCurrentFuseWire, type FuseConfig, type FuseState } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { electronBinaryPath, fuseConfigFor, fusesNotAsConfigured, type PackTarget } from './fuses';

/** The two @electron/fuses calls the hook makes; passed in so tests can stand in for them. */
export interface FuseTool {
  flipFuses(pathToElectron: string, config: FuseConfig): Promise<number>;
  getCurrentFuseWire(pathToElectron: string): Promise<FuseConfig<FuseState>>;
}

export interface FlipResult {
  readonly binary: string;
  /** How many fuse wires were written (2 for a universal macOS binary). */
  readonly wires: number;
}

/**
 * Flips the fuses of the Electron binary electron-builder just laid out, then reads
 * the wire back and fails the build if any fuse differs from the table. Runs after
 * pack and before signing (electron-builder signs after afterPack), so the signature
 * covers the flipped bytes.
 */
export async function flipPackagedFuses(target: PackTarget, tool: FuseTool): Promise<FlipResult> {
  const binary = electronBinaryPath(target);
  const wires = await tool.flipFuses(binary, fuseConfigFor(target));
  const wrong = fusesNotAsConfigured(await tool.getCurrentFuseWire(binary));
  if (wrong.length > 0) {
    throw new Error(`afterPack: ${binary} does not hold the configured fuses:\n  ${wrong.join('\n  ')}`);
  }
  return { binary, wires };
}

/**
 * electron-builder's `afterPack` hook (electron-builder.yml loads the built
 * out/packaging/after-pack.cjs). A named export only: electron-builder takes the
 * export named after the hook, and a default export beside named ones makes the
 * CommonJS bundle ambiguous.
 */
export async function afterPack(context: AfterPackContext): Promise<void> {
  const { binary, wires } = await flipPackagedFuses(context, { flipFuses, getCurrentFuseWire });
  process.stdout.write(`  • fuses flipped and verified  file=${binary} wires=${wires}\n`);
}
