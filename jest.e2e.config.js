/** Browser tests: the workbench in headless Debian chromium (playwright-core), and report PDFs. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.jest.json', isolatedModules: true, diagnostics: false }]
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  testTimeout: 120000
};
