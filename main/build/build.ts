import { build } from 'vite';
import { targets } from './targets';

// Sequential on purpose: two cores, and the renderer build alone keeps one busy.
for (const [name, config] of Object.entries(targets)) {
  const started = Date.now();
  await build(config);
  process.stdout.write(`built ${name} in ${Date.now() - started} ms\n`);
}
