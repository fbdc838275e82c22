#!/usr/bin/env node
// Entry point of `npx maalbar`: checks the Node version (the project brings Node 24 in
// node_modules/.bin, which npx and npm scripts use first) and runs the TypeScript CLI directly.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `maalbar needs Node.js 24 or newer; this is ${process.version}.\n` +
      'Run it through npm or npx in the project folder (they use the Node 24 that `npm ci` installs), e.g. `npx maalbar --help`.\n',
  );
  process.exit(1);
}
await import('../src/cli/main.ts');
