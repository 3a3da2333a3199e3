// Answers with the Node.js version it runs on, what the build scripts saw, and what is installed now.
const fs = require('fs');
const http = require('http');
const ms = require('ms');

const hooks = fs.readFileSync('hooks.txt', 'utf8').trim().split('\n').join('; ');
const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end(`node ${process.version} minute=${ms(60000)} hooks=[${hooks}] is-number=${fs.existsSync('node_modules/is-number')}\n`);
});
server.listen(process.env.PORT, () => console.log(`listening on ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
