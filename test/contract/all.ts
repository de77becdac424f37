/**
 * Every aggregate's store contract, for an adapter's runner: each contract opens a fresh, empty
 * store per test with `open`. rateLimitContract.ts has a runner of its own (its load test wants
 * more transaction reruns than the default).
 */
import { describeAuditContract } from './auditContract'
import { describeBatchReadsContract } from './batchReadsContract'
import { describeCaseQueriesContract } from './caseQueriesContract'
import { describeCaseStreetsContract } from './caseStreetsContract'
import { describeCasesContract } from './casesContract'
import { describeDutyRostersContract } from './dutyRostersContract'
import { describeFilesContract } from './filesContract'
import type { OpenedStore } from './fixtures'
import { describeGridContract } from './gridContract'
import { describeIntegrationsContract } from './integrationsContract'
import { describeNotificationsContract } from './notificationsContract'
import { describeOnboardingContract } from './onboardingContract'
import { describeRentalContract } from './rentalContract'
import { describeUsersContract } from './usersContract'

export const AGGREGATE_CONTRACTS = [
  describeCasesContract,
  describeCaseQueriesContract,
  describeCaseStreetsContract,
  describeUsersContract,
  describeGridContract,
  describeNotificationsContract,
  describeRentalContract,
  describeOnboardingContract,
  describeAuditContract,
  describeFilesContract,
  describeDutyRostersContract,
  describeIntegrationsContract,
  describeBatchReadsContract,
] as const

export function describeStoreContracts(adapterName: string, open: () => Promise<OpenedStore>): void {
  for (const describeContract of AGGREGATE_CONTRACTS) describeContract(adapterName, open)
}
