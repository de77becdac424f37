import { importStaff } from './adminSchemas'

/** Inputs of 小事不出村、大事不出镇 (types in mediationLevels.ts). */

/** The committees table (名称, 级别, 单位编码, 受理类型, 编号前缀): always all or nothing. */
export const importCommittees = importStaff.omit({ allOrNothing: true }).strict()
