/** `npm run test:faults`: the fault, fuzz and access suites at full volume, then one summary table. */
const base = require('./jest.config.js')

module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  globalSetup: '<rootDir>/test/support/faultSummarySetup.ts',
  globalTeardown: '<rootDir>/test/support/faultSummaryTeardown.ts',
}
