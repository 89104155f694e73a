#!/usr/bin/env node
import { processIo, runCli } from './program';

// `pcu … --json | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pcu: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
