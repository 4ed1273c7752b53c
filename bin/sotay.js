#!/usr/bin/env node
// Runs the TypeScript sources directly, for administration commands and development. Serving processes in
// production run the compiled build instead (`npm start`, `npm run build:server`): less memory, faster start.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
