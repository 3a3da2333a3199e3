// Sample Node.js app: answers with its version, dyno and GREETING, using an npm dependency.
const http = require('http');
const ms = require('ms');

const VERSION = 'v1';
const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end(`node ${VERSION} dyno=${process.env.DYNO} greeting=${process.env.GREETING || ''} minute=${ms(60000)}\n`);
});
server.listen(process.env.PORT, () => console.log(`listening on ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
