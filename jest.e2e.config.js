/** Browser tests: the workbench in headless Debian chromium (playwright-core), and report PDFs. */
module.exports = {
  rootDir: __dirname,
  // jest 29's node environment (fetch for PnPjs); the hoisted one is SPFx's old 25.x.
  testEnvironment: '<rootDir>/tests/dev/environment.js',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.jest.json', diagnostics: false }]
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  testTimeout: 300000
};
