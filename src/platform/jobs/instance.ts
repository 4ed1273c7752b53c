import os from 'node:os';
import { newId } from '../ids.ts';

/** Names this server process in diagnostics, job leases and logs (several run side by side in scale-out). */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${newId().slice(-6)}`;
