import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bundled sample manifests (resources/samples). The same relative path
 * works from the TypeScript source (main/core/demo) and from the built bundle
 * (out/main), inside an asar too.
 */
export function samplesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fromSource = path.resolve(here, '../../../resources/samples');
  const fromBundle = path.resolve(here, '../../resources/samples');
  return here.includes(`${path.sep}core${path.sep}`) || here.endsWith(`${path.sep}core`) ? fromSource : fromBundle;
}

export async function readSampleManifests(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const dir = samplesDir();
  const names = (await fs.readdir(dir)).filter((name) => !name.endsWith('.md')).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: await fs.readFile(path.join(dir, name)) })));
}
