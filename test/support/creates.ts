/**
 * Payloads and a row counter shared by the fault suites that replay every resident/staff create
 * over HTTP (rate limits, retries and races).
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite'
import { DEMO_STREET } from '../../backend/seed/demoOrg'
import { GRID1_CODE, reportInput } from './fixtures'

/** A count from the running server's SQLite file, opened read-only for just this query. */
export function countRows(dataDir: string, sql: string, ...params: unknown[]): number {
  const db = new Database(join(dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
  try {
    return (db.prepare(sql).pluck().get(...params) as number) ?? 0
  } finally {
    db.close()
  }
}

/** One document number per idempotency key, so every send of a key is the same registration. */
export function serialPerKey(): (key: string) => number {
  const serials = new Map<string, number>()
  return (k) => serials.get(k) ?? (serials.set(k, serials.size + 1), serials.size)
}

export const mediationApplyInput = (key: string) => ({
  idempotencyKey: key,
  disputeType: 'neighbour',
  streetCode: DEMO_STREET,
  applicantName: '陈小梅',
  applicantPhone: '13800138000',
  respondents: [{ name: '黄伟明', phone: '13912345678' }],
  facts: '楼上邻居长期深夜制造噪音，多次沟通无果，希望调解',
  claims: '晚上十点后停止噪音',
  evidence: [],
  preferredWay: 'online',
})

export const proxySubmitInput = (key: string) => ({ ...reportInput({ idempotencyKey: key }), proxy: { name: '王阿姨', phone: '13700000000' } })

export const gridAskInput = (key: string) => ({ code: GRID1_CODE, idempotencyKey: key, question: '请问社区活动室几点开放？' })
