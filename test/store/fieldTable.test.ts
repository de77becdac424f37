/**
 * Mappers built from one field table (backend/adapters/fieldTable.ts): both adapters store the
 * same fields, read a missing field as its declared default, keep only declared values, and
 * leave optional fields out when they were stored empty.
 */
import { docMapper, CorruptDocumentError } from '../../backend/adapters/cloudbase/docs'
import type { FieldTable } from '../../backend/adapters/fieldTable'
import { rowMapper } from '../../backend/adapters/sqlite/rows'

interface Thing {
  id: string
  title: string
  note: string | null
  tags: string[]
  at: string
  mood: 'calm' | 'busy'
  where: { lng: number; lat: number }
  config: Record<string, unknown>
  nickname?: string
  done: boolean
}

const FIELDS: FieldTable<Thing> = [
  { field: 'id', kind: 'text' },
  { field: 'title', kind: 'text' },
  { field: 'note', kind: 'text', nullable: true },
  { field: 'tags', kind: 'strings', default: () => [] },
  { field: 'at', kind: 'instant' },
  { field: 'mood', kind: 'text', values: ['calm', 'busy'], default: 'calm' },
  { field: 'where', kind: 'point' },
  { field: 'config', kind: 'jsonText' },
  { field: 'nickname', kind: 'text', nullable: true, optional: 'empty', default: null },
  { field: 'done', kind: 'bool', default: false },
]

const thing: Thing = {
  id: 't1',
  title: '路灯',
  note: null,
  tags: ['a', 'b'],
  at: '2026-03-01T08:00:00Z',
  mood: 'busy',
  where: { lng: 113.3, lat: 23.1 },
  config: { n: [1, 'x'] },
  nickname: '小张',
  done: true,
}
const stored: Thing = { ...thing, at: '2026-03-01T08:00:00.000Z' }

describe('SQLite rows from a field table', () => {
  const rows = rowMapper(FIELDS)

  it('names columns in snake case, splits a point, and round-trips', () => {
    expect(rows.columns).toEqual(['id', 'title', 'note', 'tags', 'at', 'mood', 'lng', 'lat', 'config', 'nickname', 'done'])
    const row = rows.toRow(thing)
    expect(row).toMatchObject({ tags: '["a","b"]', at: '2026-03-01T08:00:00.000Z', lng: 113.3, lat: 23.1, config: '{"n":[1,"x"]}', done: 1 })
    expect(rows.fromRow(row)).toEqual(stored)
    expect(rows.insertSql('things')).toBe(`INSERT INTO things (${rows.columns.join(', ')}) VALUES (${rows.columns.map((c) => `@${c}`).join(', ')})`)
    expect(rows.upsertSql('things', ['id'], ['title'])).toMatch(/ON CONFLICT \(id\) DO UPDATE SET title = excluded\.title$/)
  })

  it('reads a column a later migration added, or an unknown value, as the default; leaves an empty optional out', () => {
    const { tags: _t, mood: _m, nickname: _n, done: _d, ...old } = rows.toRow(thing)
    const { nickname: _gone, ...expected } = { ...stored, tags: [], mood: 'calm' as const, done: false }
    expect(rows.fromRow(old)).toEqual(expected)
    expect(rows.fromRow({ ...rows.toRow(thing), mood: 'angry' }).mood).toBe('calm')
    expect(rows.toRow({ ...thing, mood: 'angry' as Thing['mood'] }).mood).toBe('calm')
    expect(rows.fromRow({ ...rows.toRow(thing), nickname: '' })).not.toHaveProperty('nickname')
  })

  it('refuses an instant that is not a date before anything is stored', () => {
    expect(() => rows.toRow({ ...thing, at: 'tomorrow' })).toThrow(RangeError)
  })
})

describe('CloudBase documents from a field table', () => {
  const docs = docMapper('jf_things', FIELDS, 'id')

  it('keys on _id, stores JSON natively (jsonText as text), and round-trips', () => {
    const doc = docs.toDoc(thing, { seq: 7 })
    expect(doc).toEqual({ _id: 't1', title: '路灯', note: null, tags: ['a', 'b'], at: '2026-03-01T08:00:00.000Z', mood: 'busy', where: { lng: 113.3, lat: 23.1 }, config: '{"n":[1,"x"]}', nickname: '小张', done: true, seq: 7 })
    expect(docs.fromDoc({ ...doc, _openid: 'someone' })).toEqual(stored)
  })

  it('reads missing fields as their defaults (null for a nullable one) and refuses what it never writes', () => {
    const { tags: _t, mood: _m, nickname: _n, done: _d, note: _no, ...old } = docs.toDoc(thing)
    const { nickname: _gone, ...expected } = { ...stored, tags: [], mood: 'calm' as const, done: false, note: null }
    expect(docs.fromDoc(old)).toEqual(expected)
    expect(docs.fromDoc({ ...old, mood: null }).mood).toBe('calm')
    expect(() => docs.fromDoc({ ...old, mood: 'angry' })).toThrow(CorruptDocumentError)
    const { title: _title, ...untitled } = old
    expect(() => docs.fromDoc(untitled)).toThrow(/field "title"/)
    expect(() => docs.fromDoc({ ...old, done: 'yes' })).toThrow(/field "done"/)
  })

  it('derives _id from the value when told to, keeping every field', () => {
    const byTitle = docMapper('jf_things', FIELDS, (t) => `title:${t.title}`)
    const doc = byTitle.toDoc(thing)
    expect(doc).toMatchObject({ _id: 'title:路灯', id: 't1' })
    expect(byTitle.fromDoc(doc)).toEqual(stored)
  })
})
