import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './server'

/** settings/district.json with some top-level fields replaced, written to a temp file for JIEFANG_DISTRICT_CONFIG. */
export function districtConfigFile(overrides: Record<string, unknown>): string {
  const base = JSON.parse(readFileSync(join(ROOT, 'settings/district.json'), 'utf8')) as Record<string, unknown>
  const file = join(mkdtempSync(join(tmpdir(), 'jf-district-')), 'district.json')
  writeFileSync(file, JSON.stringify({ ...base, ...overrides }))
  return file
}
