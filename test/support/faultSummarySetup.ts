import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Jest global setup for `npm run test:faults`: a directory the suites append their figures to. */
export default function setup(): void {
  process.env.JIEFANG_FAULT_REPORT = mkdtempSync(join(tmpdir(), 'jf-faults-'))
}
