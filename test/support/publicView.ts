import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../backend/adapters/sqlite'
import type { ReportModeration } from '../../src/core/kinds/report'

/**
 * Writes a report's moderation straight into the local server's database: a stand-in for the
 * staff moderation action where a test is about what the public view then shows, not about
 * moderating.
 */
export function setModeration(dataDir: string, caseId: string, m: ReportModeration): void {
  const db = new Database(join(dataDir, DB_FILE_NAME), { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const n = db.prepare(`UPDATE cases SET payload = json_set(payload, '$.moderation', json(?)) WHERE id = ?`).run(JSON.stringify(m), caseId).changes
    if (n !== 1) throw new Error(`no case ${caseId}`)
  } finally {
    db.close()
  }
}

/** A brand-new WeChat user: a session carrying only an OPENID, as the dev sign-in issues it. */
export { asOpenid } from './server'

/** The fields a public view may carry, and nothing else. */
export const PUBLIC_VIEW_KEYS = ['id', 'kind', 'category', 'categoryName', 'status', 'statusLabel', 'location', 'createdAt', 'description', 'photos', 'updates'].sort()

/** Which of `secrets` occur anywhere in the answer (empty when none leaked). */
export function leaked(answer: unknown, secrets: readonly string[]): string[] {
  const text = JSON.stringify(answer)
  return secrets.filter((s) => s.length > 0 && text.includes(s))
}
