/**
 * Jest's own node test environment (29.x). The hoisted `jest-environment-node` in
 * node_modules is SPFx's old 25.x, which has no fetch/Response/Headers (PnPjs needs them).
 */
const path = require('path');

const jestDir = path.dirname(require.resolve('jest/package.json'));
module.exports = require(require.resolve('jest-environment-node', { paths: [jestDir] }));
