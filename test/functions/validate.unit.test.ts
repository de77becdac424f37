import { z } from 'zod'
import { parseInput } from '../../backend/functions/validate'
import { act, submitReport } from '../../src/contracts/reportSchemas'

/** People read the message; programs read the code and the details' field paths. */
describe('validation messages', () => {
  it('name the field in Chinese and keep the path in the details', () => {
    const r = parseInput(act, { id: '01J0000000000000000000000A', action: 'accept', version: 1, noteVisibility: 'everyone' })
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', details: { noteVisibility: expect.any(String) } })
    expect(r.ok ? '' : r.message).toMatch(/^备注公开范围：/)
  })

  it('never show an English word, whatever the schema and the input', () => {
    const inputs: unknown[] = [{}, { category: 1 }, { description: 'x'.repeat(5000) }, { location: { lng: 'a' } }, { photos: 'x' }, { zzz: 1 }]
    const schemas = [submitReport, act, z.object({ someUnlabelledField: z.string() }).strict()]
    for (const schema of schemas) {
      for (const input of inputs) {
        const r = parseInput(schema, input)
        if (r.ok) continue
        if (JSON.stringify(input).includes('zzz')) expect(r.details).toHaveProperty('zzz', '不支持的字段')
        // Unknown keys are named in the details (for programs), never in the message.
        expect(r.message).not.toMatch(/[A-Za-z]{2,}/)
      }
    }
  })
})
