// Each build script notes what it saw: whether dependencies, and the dev one, were installed at that point.
const fs = require('fs');
const hook = process.argv[2];
const seen = `${hook}: ms=${fs.existsSync('node_modules/ms')} is-number=${fs.existsSync('node_modules/is-number')}\n`;
fs.appendFileSync('hooks.txt', seen);
