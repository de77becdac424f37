import { describeStoreContracts } from '../contract/all'
import { openTempSqliteStore } from './tempSqlite'

describeStoreContracts('sqlite', () => openTempSqliteStore())
