/** The local server and the bench run with the same V8 flags (backend/server/nodeFlags.ts). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SERVER_NODE_FLAGS } from '../../backend/server/nodeFlags'

const root = join(__dirname, '../..')
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

it.each(['start', 'serve'])('npm %s runs the server with the server flags', (name) => {
  const command = scripts[name]!.split('&&').map((s) => s.trim()).find((s) => s.endsWith('dist-server/server.js'))
  expect(command).toBe(['node', ...SERVER_NODE_FLAGS, 'dist-server/server.js'].join(' '))
})

it('the bench starts its figures and its server with them', () => {
  expect(readFileSync(join(root, 'bench/main.ts'), 'utf8')).toContain('...SERVER_NODE_FLAGS')
  expect(readFileSync(join(root, 'bench/lib/proc.ts'), 'utf8')).toContain('...SERVER_NODE_FLAGS')
})
