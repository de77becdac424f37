import { describeOnboardingContract } from '../contract/onboardingContract'
import { describeStoreContract } from '../contract/storeContract'
import { openTempSqliteStore } from './tempSqlite'

const open = () => openTempSqliteStore()

describeStoreContract('sqlite', open)
describeOnboardingContract('sqlite', open)
