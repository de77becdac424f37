import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../support/server'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

describe('README lines', () => {
  const blocks = [...readme.matchAll(/```sh\n([^`]+)```/g)].map((m) => m[1]!.trim())

  it('has the start line and the test line first', () => {
    expect(blocks.slice(0, 2)).toEqual(['npm install && npm start', 'bash scripts/test.sh'])
  })

  it('is what CI runs: .ci/run calls the README test line itself', () => {
    const commands = ci.split('\n').filter((l) => l.trim() && !l.startsWith('#') && !/^(set|cd|export) /.test(l))
    expect(commands).toEqual([blocks[1]])
  })

  it('names scripts that exist', () => {
    for (const s of ['start', 'test', 'build:weapp', 'build:h5', 'build:functions']) expect(pkg.scripts[s]).toBeTruthy()
  })
})
