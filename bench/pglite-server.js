// An in-memory PGlite behind @electric-sql/pglite-socket, as the hub tests use when no PostgreSQL
// server is at hand. It runs in a process of its own so that PGlite's work (WebAssembly, on one
// thread) does not stall the bench's load loop and distort its clock. Tells its parent the URL.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const pglite = await PGlite.create();
// PGlite is one PostgreSQL session: the hub gets one connection (DATABASE_POOL_SIZE=1) and the
// bench a second one, which it uses only while the hub is idle (adding bills, counting rows).
const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 2 });
await server.start();
process.send?.({ url: `postgres://postgres@${server.getServerConn()}/postgres` });

const stop = async () => {
	await server.stop();
	await pglite.close();
	process.exit(0);
};
process.on('SIGTERM', stop);
// The bench ended without stopping us (a crash): do not outlive it.
process.on('disconnect', stop);
