// The baseline of scripts/bench/compare.ts: the least a Node service can do per read — node:http and pg,
// one indexed SELECT, JSON out. `GET /p/<uuid>` answers the property row. DATABASE_URL and PORT from env.
import http from 'node:http';
import { createRequire } from 'node:module';

// pg is a dependency of packages/db, not of the repository root.
const pg = createRequire(new URL('../../packages/db/package.json', import.meta.url))('pg');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const server = http.createServer(async (req, res) => {
  try {
    const { rows } = await pool.query('select * from properties where property_id = $1', [req.url?.slice(3)]);
    res.writeHead(rows.length ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(rows[0] ?? null));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
