// Sample Node.js app with a database: /db writes a row through DATABASE_URL and reads the count back.
const http = require('http');
const { Client } = require('pg');

async function visit() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS visits (id serial PRIMARY KEY, at timestamptz DEFAULT now())');
    await client.query('INSERT INTO visits DEFAULT VALUES');
    const result = await client.query('SELECT count(*)::int AS n FROM visits');
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}

http.createServer(async (req, res) => {
  if (req.url === '/db') {
    try {
      res.end(`visits=${await visit()}\n`);
    } catch (error) {
      res.statusCode = 500;
      res.end(`database error: ${error.message}\n`);
    }
    return;
  }
  res.end(`node-postgres dyno=${process.env.DYNO}\n`);
}).listen(process.env.PORT, () => console.log(`listening on ${process.env.PORT}`));
