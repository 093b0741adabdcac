/** Unit, component and integration tests (browser tests: jest.e2e.config.js). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
  setupFilesAfterEnv: ['<rootDir>/tests/setup.ts'],
  transform: {
    '/loc/[a-z]{2}-[a-z]{2}\\.js$': '<rootDir>/tests/helpers/locTransform.js',
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.jest.json', diagnostics: false }]
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp|adaptivecards)/)'],
  moduleNameMapper: {
    '^DomainCardsWebPartStrings$': '<rootDir>/src/webparts/domainCards/loc/nl-nl.js',
    '^SummaryWebPartStrings$': '<rootDir>/src/webparts/summary/loc/nl-nl.js',
    '^AuditFollowUpWebPartStrings$': '<rootDir>/src/webparts/auditFollowUp/loc/nl-nl.js',
    '^MaturityWebPartStrings$': '<rootDir>/src/webparts/maturity/loc/nl-nl.js',
    '^OrgSummaryAdaptiveCardExtensionStrings$': '<rootDir>/src/adaptiveCardExtensions/orgSummary/loc/nl-nl.js',
    '^swiper(/.*)?$': '<rootDir>/tests/helpers/swiperStub.js',
    '\\.(scss|css)$': '<rootDir>/tests/helpers/styleMock.js'
  },
  testTimeout: 30000
};
