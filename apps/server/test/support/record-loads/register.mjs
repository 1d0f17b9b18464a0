// `node --import <this file>`: appends the URL of every module the process loads to $RECORD_LOADS_FILE.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url, { data: { file: process.env.RECORD_LOADS_FILE } });
