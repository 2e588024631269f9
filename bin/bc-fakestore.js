#!/usr/bin/env node
// Thin launcher: the compiled CLI, bundled, lives in dist/cli-bundle/ (built by `npm run build`).
import { main } from '../dist/cli-bundle/cli.js';

process.exitCode = await main(process.argv.slice(2));
