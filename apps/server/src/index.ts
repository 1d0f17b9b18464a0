export { buildServer, type ServerConfig } from './app.ts';
