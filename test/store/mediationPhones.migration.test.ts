/**
 * Mediation phones stored in clear before they were sealed: the SQLite migration seals them on open
 * (leaving no clear copy in the database, WAL or free pages), and on CloudBase the district CLI's
 * step (sealClearPhones) does the same over the loopback fake. Either way the lookup hash equals
 * the one new applications get, and the case reads as before.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CloudbaseStore } from '../../backend/adapters/cloudbase/store'
import { DB_FILE_NAME, openSqliteStore } from '../../backend/adapters/sqlite'
import { caseToRow } from '../../backend/adapters/sqlite/cases'
import { MIGRATIONS } from '../../backend/adapters/sqlite/migrations'
import { defaultDistrictConfig } from '../../backend/config/district'
import { loadPiiKey, Vault } from '../../backend/crypto/vault'
import type { Deps } from '../../backend/runtime'
import { hasPartyPhone, partyPhone, phoneHash, sealClearPhones } from '../../backend/usecases/mediation/phones'
import type { Case } from '../../src/core/case'
import type { MediationPayload } from '../../src/core/kinds/mediation'
import { quietSdkRuntime, runningFake, sdkApp } from '../cloudbase/sdkApp'
import { applicantParty, mediationCase, respondentParty, RESP1_ID } from '../core/mediationFixtures'

quietSdkRuntime()

const OLD_APPLICANT = '13655550101'
const OLD_RESPONDENT = '0755-66667777'

function clearCase(id: string): Case {
  return mediationCase('accepted', { parties: [{ ...applicantParty(), phone: OLD_APPLICANT }, { ...respondentParty(1, RESP1_ID), phone: OLD_RESPONDENT }] }, { id })
}

const parties = (c: Case) => (c.payload as unknown as MediationPayload).parties

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...filesUnder(p))
    else out.push(p)
  }
  return out
}

describe('the SQLite migration', () => {
  const version = MIGRATIONS.find((m) => m.name === 'mediation phones sealed')!.version

  it('seals clear numbers of existing cases, with the lookup hash new applications get', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jf-medphones-'))
    // A database as the previous release left it: the case written in clear, without secure_delete.
    await openSqliteStore(dir).close()
    const raw = new Database(join(dir, DB_FILE_NAME))
    const row = caseToRow(clearCase('01JMEDOLD00000000000000001')) as unknown as Record<string, unknown>
    raw.prepare(`INSERT INTO cases (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row)
    raw.prepare('DELETE FROM schema_migrations WHERE version = ?').run(version)
    raw.close()
    expect(filesUnder(dir).some((f) => readFileSync(f).includes(Buffer.from(OLD_APPLICANT)))).toBe(true)

    const store = openSqliteStore(dir)
    const c = (await store.getCase('01JMEDOLD00000000000000001'))!
    const vault = new Vault(loadPiiKey(process.env, { dataDir: dir })!)
    for (const p of parties(c)) {
      expect(p.phone).toBeUndefined()
      expect(p.phoneSealed).toBeTruthy()
    }
    expect(parties(c).map((p) => partyPhone(vault, c.id, p))).toEqual([OLD_APPLICANT, OLD_RESPONDENT])
    expect(parties(c).map((p) => p.phoneHash)).toEqual([phoneHash(vault, OLD_APPLICANT), phoneHash(vault, OLD_RESPONDENT)])
    expect(hasPartyPhone(vault, c, '075566667777')).toBe(true)
    // Bound to its case: the ciphertext does not open as another's.
    expect(() => vault.open(parties(c)[0]!.phoneSealed!, 'another-case')).toThrow()
    await store.close()

    const found = filesUnder(dir).filter((f) => [OLD_APPLICANT, OLD_RESPONDENT, '66667777'].some((s) => readFileSync(f).includes(Buffer.from(s))))
    expect(found).toEqual([])
  })
})

describe('the CloudBase step (npm run district -- seal-phones)', () => {
  const fake = runningFake()

  it('seals every clear case once, and refuses without the key', async () => {
    const store = new CloudbaseStore(sdkApp(fake()).database(), { retryDelayMs: 5 })
    const vault = new Vault(Buffer.alloc(32, 7))
    const d = { mode: 'cloudbase', store, vault, config: defaultDistrictConfig(), clock: { now: () => new Date() } } as unknown as Deps
    const ids = ['01JMEDCB000000000000000001', '01JMEDCB000000000000000002']
    for (const id of ids) await store.transaction((tx) => tx.insertCase(clearCase(id)))
    expect(await sealClearPhones({ ...d, vault: undefined })).toMatchObject({ ok: false, code: 'UNAVAILABLE' })
    expect(await sealClearPhones(d)).toEqual({ scanned: 2, sealed: 2 })
    expect(await sealClearPhones(d)).toEqual({ scanned: 2, sealed: 0 })
    for (const id of ids) {
      const c = (await store.getCase(id))!
      expect(c.version).toBe(clearCase(id).version)
      expect(parties(c).map((p) => partyPhone(vault, id, p))).toEqual([OLD_APPLICANT, OLD_RESPONDENT])
      expect(JSON.stringify(c.payload)).not.toContain(OLD_APPLICANT)
    }
    const stored = JSON.stringify([...fake().db.collections.values()].flatMap((c) => [...c.values()]))
    expect(stored).not.toContain(OLD_APPLICANT)
  })
})
