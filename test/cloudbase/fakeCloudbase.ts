/**
 * A loopback stand-in for the CloudBase admin API, for driving the REAL @cloudbase/node-sdk
 * (pointed here with `serviceUrl`) without a Tencent Cloud account. It records every request
 * and answers the database and storage actions the SDK sends, with the response shapes the
 * SDK source expects (`data.list` of EJSON strings, `data.insertedIds`, `data.updated`, …).
 *
 * Its database is a small model of CloudBase's MongoDB semantics: equality and the
 * $eq/$ne/$in/$nin/$gt/$gte/$lt/$lte/$and/$or operators, null matching a missing field,
 * BSON type order for sorting, duplicate `_id` failing, and transactions that buffer their
 * writes, read their own writes, and fail with DATABASE_TRANSACTION_CONFLICT when two
 * transactions (or a transaction and a later committed write) touch the same document.
 * It is a model: the real service is exercised by test/store/cloudbase.contract.test.ts.
 *
 * It says no where the service does, and by our policy where the service would only be slow:
 * - a condition query (get, count, update or remove with a `where`) that no index declared in
 *   cloudbaserc.json serves, or that backend/adapters/cloudbase/queries.ts does not list, fails
 *   naming the collection and fields (backend/adapters/cloudbase/queryPlan.ts; deploy:check runs
 *   the same rule over the same list);
 * - inside a transaction only single-document operations by `_id` (doc(id).get/set/update/
 *   remove, add of one document), as CloudBase allows; a `where` there fails;
 * - a read returns at most 1000 documents (100 when no limit is given), a temporary-URL call
 *   takes at most 50 files.
 * Refusals are answered as the service answers errors (HTTP 200 with `code` and `message`),
 * which the SDK throws as a TcbError carrying them.
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { COLLECTIONS, type CollectionKey } from '../../backend/adapters/cloudbase/db'
import type { CollectionSpec, IndexSpec } from '../../backend/adapters/cloudbase/indexes'
import { plannedQuery } from '../../backend/adapters/cloudbase/queries'
import { boundFields, describeQuery, servingIndex } from '../../backend/adapters/cloudbase/queryPlan'
import { AggregateRefusal, runStages, type Stage } from './fakeAggregate'

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Obj = { [k: string]: Json }

export interface RecordedRequest {
  method: string
  path: string
  /** The decoded JSON body for API calls; EJSON fields (query, data, order) are left as sent. */
  body: Obj
  /** The fields of a multipart call (wx.openApi: `requestData` is the bytes the SDK sent). */
  form?: Record<string, Buffer>
  action: string
}

/** Round trips of an action, as `FakeCloudbase.roundTrips` counts them. */
export interface RoundTrips {
  database: number
  storage: number
  total: number
  byAction: Record<string, number>
  /** Each request in order as "collection action" (users get, tx start, storage getTempFileURL): what it is for. */
  sequence: string[]
}

/** A request named for the note on its floor: the collection it reads or writes and what it does. */
function describeRequest(r: RecordedRequest): string {
  const coll = typeof r.body.collectionName === 'string' ? r.body.collectionName.replace(/^[a-z0-9]+_/, '') : ''
  const verb = r.action.replace(/^database\./, '').replace(/Document$/, '').replace(/Transaction$/, '')
  if (/^(start|commit|abort)$/.test(verb)) return `tx ${verb}`
  if (r.action.startsWith('database.')) return `${coll} ${verb}`.trim()
  return r.path.startsWith('/cos/') ? `storage ${r.method.toLowerCase()} object` : r.action.replace(/^storage\./, 'storage ')
}

/**
 * Which service a request went to: the database API, or storage (its API and the COS object
 * requests of an upload or download); null for anything else (the wx.openApi gateway).
 */
export function roundTripKind(r: Pick<RecordedRequest, 'action' | 'path'>): 'database' | 'storage' | null {
  if (r.action.startsWith('database.')) return 'database'
  if (r.action.startsWith('storage.') || r.path.startsWith('/cos/')) return 'storage'
  return null
}

/** What to do with one request instead of the model's answer. */
export type Fault =
  | { status: number; body?: string }
  | { json: Obj }
  | { reset: true }
  | { hang: true }
  /** Bytes with their content type, as the wx.openApi gateway answers (an image, or WeChat's JSON). */
  | { bytes: Buffer; contentType: string }

interface PendingFault {
  match: (r: RecordedRequest) => boolean
  fault: Fault
  times: number
}

/* ------------------------------------------------------------------ EJSON */

export function decodeEjson(v: unknown): Json {
  if (Array.isArray(v)) return v.map(decodeEjson)
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o)
    if (keys.length === 1) {
      const k = keys[0]
      if (k === '$numberInt' || k === '$numberDouble' || k === '$numberLong' || k === '$numberDecimal') {
        return Number(o[k])
      }
      if (k === '$date') throw new Error('the fake stores no dates; the adapter writes ISO text')
    }
    const out: Obj = {}
    for (const key of keys) out[key] = decodeEjson(o[key])
    return out
  }
  return v as Json
}

export function parseEjsonText(text: unknown): Json {
  return typeof text === 'string' ? decodeEjson(JSON.parse(text)) : null
}

/* --------------------------------------------------------------- matching */

/** A dotted field path's value in a document (undefined past a non-object). */
export function getPath(doc: Obj, path: string): Json | undefined {
  let cur: Json | undefined = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined
    cur = (cur as Obj)[part]
  }
  return cur
}

function typeRank(v: Json | undefined): number {
  if (v === undefined || v === null) return 0
  if (typeof v === 'number') return 1
  if (typeof v === 'string') return 2
  if (Array.isArray(v)) return 4
  if (typeof v === 'object') return 3
  return 5
}

/** BSON comparison order: null/missing < numbers < strings < objects < arrays < booleans. */
export function compareValues(a: Json | undefined, b: Json | undefined): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  const sa = JSON.stringify(a ?? null)
  const sb = JSON.stringify(b ?? null)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

function equal(a: Json | undefined, b: Json): boolean {
  if (b === null) return a === null || a === undefined
  return JSON.stringify(a) === JSON.stringify(b)
}

function isOperatorObject(v: Json): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith('$'))
}

function matchField(value: Json | undefined, cond: Json): boolean {
  if (!isOperatorObject(cond)) return equal(value, cond)
  return Object.entries(cond).every(([op, arg]) => {
    // Range operators compare only within one BSON type, as MongoDB does.
    const sameType = typeRank(value) === typeRank(arg)
    switch (op) {
      case '$eq':
        return equal(value, arg)
      case '$ne':
        return !equal(value, arg)
      case '$in':
        // An array field matches when any element is in the list, as in MongoDB.
        if (Array.isArray(value)) return value.some((el) => (arg as Json[]).some((x) => equal(el, x)))
        return (arg as Json[]).some((x) => equal(value, x))
      case '$nin':
        return !(arg as Json[]).some((x) => equal(value, x))
      case '$gt':
        return sameType && compareValues(value, arg) > 0
      case '$gte':
        return sameType && compareValues(value, arg) >= 0
      case '$lt':
        return sameType && compareValues(value, arg) < 0
      case '$lte':
        return sameType && compareValues(value, arg) <= 0
      case '$exists':
        return (value !== undefined) === Boolean(arg)
      default:
        throw new Error(`fake CloudBase: unsupported query operator ${op}`)
    }
  })
}

export function matches(doc: Obj, query: Json): boolean {
  if (query === null) return true
  if (typeof query !== 'object' || Array.isArray(query)) throw new Error('query must be an object')
  return Object.entries(query).every(([key, cond]) => {
    if (key === '$and') return (cond as Json[]).every((q) => matches(doc, q))
    if (key === '$or') return (cond as Json[]).some((q) => matches(doc, q))
    if (key.startsWith('$')) throw new Error(`fake CloudBase: unsupported top-level operator ${key}`)
    return matchField(getPath(doc, key), cond)
  })
}

/* ----------------------------------------------------------------- update */

function setPath(doc: Obj, path: string, value: Json | undefined): void {
  const parts = path.split('.')
  let cur = doc
  for (const part of parts.slice(0, -1)) {
    const next = cur[part]
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[part] = {}
    cur = cur[part] as Obj
  }
  const last = parts[parts.length - 1]
  if (value === undefined) delete cur[last]
  else cur[last] = value
}

function applyUpdate(doc: Obj, update: Obj): Obj {
  const out = structuredClone(doc)
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, v] of Object.entries(fields as Obj)) {
      if (op === '$set') setPath(out, path, v)
      else if (op === '$inc') setPath(out, path, Number(getPath(out, path) ?? 0) + Number(v))
      else if (op === '$unset') setPath(out, path, undefined)
      else throw new Error(`fake CloudBase: unsupported update operator ${op}`)
    }
  }
  return out
}

/* ----------------------------------------------------------------- errors */

/**
 * `.field()` as the service applies it: the listed top-level fields only (1), or all but them (0),
 * `_id` kept unless excluded. A mix of both, a dotted path or another value is refused, as MongoDB
 * refuses a mix, rather than answered with whole documents.
 */
function projection(raw: unknown): (d: Obj) => Obj {
  if (raw === undefined || raw === null || raw === '') return (d) => d
  const spec = parseEjsonText(raw) as Record<string, unknown>
  const entries = Object.entries(spec)
  for (const [k, v] of entries) {
    if (k.includes('.') || (v !== 0 && v !== 1)) throw new ServiceError('INVALID_PARAM', `projection ${k}: ${JSON.stringify(v)} is not supported here`)
  }
  const included = entries.filter(([k, v]) => v === 1 && k !== '_id').map(([k]) => k)
  const excluded = entries.filter(([k, v]) => v === 0 && k !== '_id').map(([k]) => k)
  if (included.length > 0 && excluded.length > 0) throw new ServiceError('INVALID_PARAM', 'projection cannot mix inclusion and exclusion')
  const dropId = spec._id === 0
  return (d) => {
    const out: Obj = {}
    for (const [k, v] of Object.entries(d)) {
      if (k === '_id' ? dropId : included.length > 0 ? !included.includes(k) : excluded.includes(k)) continue
      out[k] = v
    }
    return out
  }
}

class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** The most documents one read returns, and the default when the request names no limit. */
export const MAX_PAGE = 1000
export const DEFAULT_PAGE = 100
/** Files one getTempFileURL call may name. */
export const MAX_TEMP_URLS = 50
/** Our policy's refusal of a query no declared index serves (the service has no such code). */
export const UNINDEXED = 'DATABASE_QUERY_NOT_INDEXED'

/** The indexes cloudbaserc.json declares, by collection name. */
export function declaredIndexes(rcPath = join(__dirname, '../../cloudbaserc.json')): CollectionSpec[] {
  const rc = JSON.parse(readFileSync(rcPath, 'utf8')) as { framework?: { plugins?: Record<string, { use?: string; inputs?: { collections?: CollectionSpec[] } }> } }
  const plugin = Object.values(rc.framework?.plugins ?? {}).find((p) => p.use === '@cloudbase/framework-plugin-database')
  return plugin?.inputs?.collections ?? []
}

/** The store's key of a collection name under any prefix (`jf_cases`, `vis_cases` -> `cases`). */
function collectionKey(name: string): CollectionKey | null {
  const key = name.replace(/^[a-z0-9]+_/, '')
  return (COLLECTIONS as readonly string[]).includes(key) ? (key as CollectionKey) : null
}

function orderKeys(order: Json): string[] {
  if (Array.isArray(order)) return order.map((o) => String((o as Obj).field ?? ''))
  return order !== null && typeof order === 'object' ? Object.keys(order) : []
}

/** A transaction's query must name exactly one document by `_id`. */
function singleById(b: Obj): boolean {
  const query = parseEjsonText(b.query)
  if (b.queryType !== 'DOC' || query === null || typeof query !== 'object' || Array.isArray(query)) return false
  const keys = Object.keys(query)
  return keys.length === 1 && keys[0] === '_id' && typeof query._id === 'string'
}

/* --------------------------------------------------------------- database */

interface Stored {
  doc: Obj
  /** Commit stamp of the last write. */
  stamp: number
}

interface Transaction {
  id: string
  startStamp: number
  /** collection -> id -> new document, or null for a delete. */
  writes: Map<string, Map<string, Obj | null>>
}

class FakeDatabase {
  readonly collections = new Map<string, Map<string, Stored>>()
  private stamp = 0
  private txSeq = 0
  readonly transactions = new Map<string, Transaction>()
  /** "collection/id" -> transaction holding a pending write. */
  private readonly locks = new Map<string, string>()

  private coll(name: string): Map<string, Stored> {
    let c = this.collections.get(name)
    if (!c) {
      c = new Map()
      this.collections.set(name, c)
    }
    return c
  }

  start(): string {
    const id = `tx-${++this.txSeq}`
    this.transactions.set(id, { id, startStamp: this.stamp, writes: new Map() })
    return id
  }

  private tx(id: unknown): Transaction | undefined {
    if (id === undefined || id === null || id === '') return undefined
    const t = this.transactions.get(String(id))
    if (!t) throw new ServiceError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} is not active`)
    return t
  }

  commit(id: string): void {
    const t = this.tx(id) as Transaction
    this.stamp++
    for (const [name, writes] of t.writes) {
      const c = this.coll(name)
      for (const [docId, doc] of writes) {
        if (doc === null) c.delete(docId)
        else c.set(docId, { doc, stamp: this.stamp })
      }
    }
    this.end(t)
  }

  abort(id: string): void {
    const t = this.transactions.get(id)
    if (t) this.end(t)
  }

  private end(t: Transaction): void {
    for (const [k, owner] of this.locks) if (owner === t.id) this.locks.delete(k)
    this.transactions.delete(t.id)
  }

  /** The document as `t` sees it: its own pending write first, else the committed one. */
  private read(name: string, id: string, t?: Transaction): Obj | undefined {
    const own = t?.writes.get(name)
    if (own?.has(id)) return own.get(id) ?? undefined
    return this.coll(name).get(id)?.doc
  }

  private write(name: string, id: string, doc: Obj | null, t?: Transaction): void {
    const key = `${name}/${id}`
    if (t) {
      const holder = this.locks.get(key)
      const committed = this.coll(name).get(id)
      if ((holder !== undefined && holder !== t.id) || (committed !== undefined && committed.stamp > t.startStamp)) {
        // MongoDB aborts a transaction on a write conflict.
        this.end(t)
        throw new ServiceError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${key}`)
      }
      this.locks.set(key, t.id)
      let w = t.writes.get(name)
      if (!w) t.writes.set(name, (w = new Map()))
      w.set(id, doc)
      return
    }
    this.stamp++
    if (doc === null) this.coll(name).delete(id)
    else this.coll(name).set(id, { doc, stamp: this.stamp })
  }

  private visible(name: string, t?: Transaction): Obj[] {
    const ids = new Set([...this.coll(name).keys(), ...(t?.writes.get(name)?.keys() ?? [])])
    const out: Obj[] = []
    for (const id of ids) {
      const d = this.read(name, id, t)
      if (d) out.push(d)
    }
    return out
  }

  insert(name: string, docs: Obj[], txId: unknown): string[] {
    const t = this.tx(txId)
    return docs.map((d) => {
      const id = typeof d._id === 'string' ? d._id : `auto-${Math.random().toString(36).slice(2)}`
      if (this.read(name, id, t)) throw new ServiceError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error: _id ${id}`)
      this.write(name, id, { ...d, _id: id }, t)
      return id
    })
  }

  find(name: string, query: Json, order: Json, offset: number, limit: number, txId: unknown): Obj[] {
    const t = this.tx(txId)
    let docs = this.visible(name, t).filter((d) => matches(d, query))
    if (order && typeof order === 'object' && !Array.isArray(order)) {
      const keys = Object.entries(order)
      docs = docs.sort((a, b) => {
        for (const [path, dir] of keys) {
          const c = compareValues(getPath(a, path), getPath(b, path))
          if (c !== 0) return Number(dir) < 0 ? -c : c
        }
        return 0
      })
    }
    return docs.slice(offset, offset + limit)
  }

  modify(name: string, query: Json, data: Obj, opts: { multi: boolean; merge: boolean; upsert: boolean }, txId: unknown) {
    const t = this.tx(txId)
    const hits = this.visible(name, t).filter((d) => matches(d, query))
    const targets = opts.multi ? hits : hits.slice(0, 1)
    for (const d of targets) {
      const next = opts.merge ? applyUpdate(d, data) : { ...data, _id: d._id }
      this.write(name, String(d._id), next, t)
    }
    if (targets.length === 0 && opts.upsert) {
      const id = String((query as Obj)._id)
      this.write(name, id, { ...data, _id: id }, t)
      return { updated: 0, upsert_id: id }
    }
    return { updated: targets.length }
  }

  remove(name: string, query: Json, multi: boolean, txId: unknown): number {
    const t = this.tx(txId)
    const hits = this.visible(name, t).filter((d) => matches(d, query))
    const targets = multi ? hits : hits.slice(0, 1)
    for (const d of targets) this.write(name, String(d._id), null, t)
    return targets.length
  }
}

/* ----------------------------------------------------------------- server */

/**
 * The path of a file id of this environment (`cloud://test-env.<bucket>/<path>`); null for another
 * environment's id, which real storage does not serve to this one either.
 */
function ownPath(fileID: string): string | null {
  const m = /^cloud:\/\/test-env\.[^/]+\/(.+)$/.exec(fileID)
  return m ? m[1]! : null
}

export class FakeCloudbase {
  readonly requests: RecordedRequest[] = []
  readonly db = new FakeDatabase()
  /** cloudPath -> bytes of uploaded files. */
  readonly files = new Map<string, Buffer>()
  private readonly faults: PendingFault[] = []
  private server!: http.Server
  private port = 0
  private readonly indexes: Map<string, IndexSpec[]>

  /** `indexes`: the declared collections to check queries against; cloudbaserc.json's by default. */
  constructor(opts: { indexes?: CollectionSpec[] } = {}) {
    const specs = opts.indexes ?? declaredIndexes()
    this.indexes = new Map(specs.map((c) => [c.collectionName.replace(/^[a-z0-9]+_/, ''), c.createIndexes]))
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/admin`
  }

  /**
   * Round trips to the service since request number `from` (`fake.requests.length` taken
   * before): database requests (a transaction's start and commit included) and storage ones (the
   * storage API and the object upload/download it leads to), each by action.
   */
  roundTrips(from = 0): RoundTrips {
    const out: RoundTrips = { database: 0, storage: 0, total: 0, byAction: {}, sequence: [] }
    for (const r of this.requests.slice(from)) {
      const kind = roundTripKind(r)
      if (kind === null) continue
      out[kind]++
      out.total++
      out.byAction[r.action] = (out.byAction[r.action] ?? 0) + 1
      out.sequence.push(describeRequest(r))
    }
    return out
  }

  /** Requests whose action is `action` (e.g. 'database.modifyDocument'). */
  calls(action: string): RecordedRequest[] {
    return this.requests.filter((r) => r.action === action)
  }

  /** Answers the next `times` requests matching `match` with `fault` instead of the model. */
  inject(match: string | ((r: RecordedRequest) => boolean), fault: Fault, times = 1): void {
    const fn = typeof match === 'string' ? (r: RecordedRequest) => r.action === match : match
    this.faults.push({ match: fn, fault, times })
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let body: Obj = {}
      const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1]
      const form = boundary ? multipartFields(raw, boundary) : undefined
      if (form) body = Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'requestData').map(([k, v]) => [k, v.toString('utf8')]))
      else if (url.pathname === '/admin' && raw.length > 0) body = JSON.parse(raw.toString('utf8')) as Obj
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        body,
        ...(form ? { form } : {}),
        action: typeof body.action === 'string' ? body.action : `${req.method} ${url.pathname}`,
      }
      this.requests.push(rec)

      const pending = this.faults.find((f) => f.times > 0 && f.match(rec))
      if (pending) {
        pending.times--
        return this.applyFault(pending.fault, req, res)
      }
      try {
        if (url.pathname.startsWith('/cos/')) return this.cos(req.method ?? 'GET', decodeURIComponent(url.pathname.slice(5)), raw, res)
        const out = this.api(body)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ requestId: `req-${this.requests.length}`, ...out }))
      } catch (e) {
        // CloudBase answers service errors with HTTP 200 and a code; the SDK turns them into throws.
        const code = e instanceof ServiceError ? e.code : 'SYS_ERR'
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ requestId: `req-${this.requests.length}`, code, message: (e as Error).message }))
      }
    })
  }

  private applyFault(f: Fault, req: http.IncomingMessage, res: http.ServerResponse): void {
    if ('reset' in f) {
      req.socket.destroy()
      return
    }
    if ('hang' in f) return
    if ('bytes' in f) {
      res.writeHead(200, { 'content-type': f.contentType })
      res.end(f.bytes)
      return
    }
    if ('status' in f) {
      res.writeHead(f.status, { 'content-type': 'text/html' })
      res.end(f.body ?? `<html>${f.status}</html>`)
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ requestId: 'req-fault', ...f.json }))
  }

  /**
   * Refuses what the service (or our index policy) would: an operation inside a transaction that
   * is not on one document by `_id`, and a condition query no listed, indexed plan serves.
   */
  private police(b: Obj, name: string): void {
    const action = String(b.action)
    if (action === 'database.aggregateDocuments') return this.policeAggregate(b, name)
    if (!/^database\.(get|calculate|modify|remove|insert)Document$/.test(action)) return
    const inTx = b.transactionId !== undefined && b.transactionId !== null && b.transactionId !== ''
    if (inTx) {
      const one = action === 'database.insertDocument' ? Array.isArray(b.data) && b.data.length === 1 : singleById(b)
      if (!one) {
        throw new ServiceError(
          'INVALID_PARAM',
          `${action} on ${name}: a transaction allows only single-document operations by _id (doc(id).get/set/update/remove, add of one document), not a where or a batch`,
        )
      }
      return
    }
    const conditional = ['database.getDocument', 'database.calculateDocument', 'database.modifyDocument', 'database.removeDocument'].includes(action)
    if (!conditional || b.queryType === 'DOC') return
    const query = parseEjsonText(b.query)
    // A count with no condition at all reads the collection's size, not its documents.
    if (action === 'database.calculateDocument' && (query === null || (typeof query === 'object' && Object.keys(query).length === 0))) return
    this.policeShape(name, query, orderKeys(parseEjsonText(b.order)))
  }

  /** A condition query must be served by a declared index and listed in queries.ts. */
  private policeShape(name: string, query: Json, orderBy: string[]): void {
    const where = boundFields(query)
    const shape = { where: [...where], orderBy }
    const key = collectionKey(name)
    const indexes = key ? (this.indexes.get(key) ?? []) : []
    if (!servingIndex(shape, indexes)) {
      throw new ServiceError(UNINDEXED, `no index declared in cloudbaserc.json serves the query on ${describeQuery(name, shape)}; declare one in backend/adapters/cloudbase/indexes.ts`)
    }
    if (!key || !plannedQuery(key, where, orderBy)) {
      throw new ServiceError(UNINDEXED, `the query on ${describeQuery(name, shape)} is not listed in backend/adapters/cloudbase/queries.ts, so deploy:check cannot vouch for its index`)
    }
  }

  /**
   * An aggregation reads through its first stage, a `$match` served like any query; one over
   * the whole collection (`$match` of nothing) scans it server-side in the one request.
   */
  private policeAggregate(b: Obj, name: string): void {
    const [first] = aggregateStages(b)
    if (first?.key !== '$match') throw new ServiceError('INVALID_PARAM', `an aggregation on ${name} must start with an indexed $match, not ${first?.key ?? 'nothing'}`)
    const q = first.value
    if (q !== null && typeof q === 'object' && Object.keys(q).length === 0) return
    this.policeShape(name, q, [])
  }

  private api(b: Obj): Obj {
    const name = String(b.collectionName ?? '')
    this.police(b, name)
    switch (b.action) {
      case 'database.addCollection':
        if (this.db.collections.has(name)) throw new ServiceError('DATABASE_COLLECTION_ALREADY_EXIST', name)
        this.db.collections.set(name, new Map())
        return {}
      case 'database.startTransaction':
        return { transactionId: this.db.start() }
      case 'database.commitTransaction':
        this.db.commit(String(b.transactionId))
        return {}
      case 'database.abortTransaction':
        this.db.abort(String(b.transactionId))
        return {}
      case 'database.insertDocument': {
        const docs = (b.data as string[]).map((s) => parseEjsonText(s) as Obj)
        return { data: { insertedIds: this.db.insert(name, docs, b.transactionId) } }
      }
      case 'database.getDocument': {
        const query = parseEjsonText(b.query)
        const order = parseEjsonText(b.order)
        const asked = typeof b.limit === 'number' ? b.limit : b.queryType === 'DOC' ? 1 : DEFAULT_PAGE
        const limit = Math.min(asked, MAX_PAGE)
        const offset = typeof b.offset === 'number' ? b.offset : 0
        const docs = this.db.find(name, query, order, offset, limit, b.transactionId)
        const project = projection(b.projection)
        return { data: { list: docs.map((d) => JSON.stringify(project(d))) } }
      }
      case 'database.aggregateDocuments': {
        const [match, ...rest] = aggregateStages(b)
        const docs = this.db.find(name, match.value, null, 0, Infinity, undefined)
        try {
          return { data: { list: runStages(docs, rest).map((d) => JSON.stringify(d)) } }
        } catch (e) {
          if (e instanceof AggregateRefusal) throw new ServiceError('INVALID_PARAM', e.message)
          throw e
        }
      }
      case 'database.calculateDocument':
        return { data: { total: this.db.find(name, parseEjsonText(b.query), null, 0, Infinity, undefined).length } }
      case 'database.modifyDocument': {
        const data = parseEjsonText(b.data) as Obj
        const r = this.db.modify(
          name,
          parseEjsonText(b.query),
          data,
          { multi: b.multi !== false, merge: b.merge !== false, upsert: b.upsert === true },
          b.transactionId,
        )
        return { data: r as unknown as Obj }
      }
      case 'database.removeDocument':
        return { data: { deleted: this.db.remove(name, parseEjsonText(b.query), b.multi !== false, b.transactionId) } }
      case 'storage.getUploadMetadata': {
        const path = String(b.path)
        return {
          data: {
            url: `http://127.0.0.1:${this.port}/cos/${path}`,
            token: 'cos-token',
            authorization: 'cos-auth',
            fileId: `cloud://test-env.bucket/${path}`,
            cosFileId: 'cos-file-id',
          },
        }
      }
      case 'storage.batchDeleteFile': {
        const list = (b.fileid_list as string[]).map((fileID) => {
          const path = ownPath(String(fileID))
          return path !== null && this.files.delete(path) ? { code: 'SUCCESS', fileID } : { code: 'STORAGE_FILE_NONEXIST', fileID }
        })
        return { data: { delete_list: list } }
      }
      case 'storage.batchGetDownloadUrl': {
        if (!Array.isArray(b.file_list) || b.file_list.length > MAX_TEMP_URLS) {
          throw new ServiceError('INVALID_PARAM', `getTempFileURL takes at most ${MAX_TEMP_URLS} files a call, got ${Array.isArray(b.file_list) ? b.file_list.length : 'none'}`)
        }
        const list = (b.file_list as Obj[]).map((f) => {
          const fileID = String(f.fileid)
          const path = ownPath(fileID)
          return path !== null && this.files.has(path)
            ? { code: 'SUCCESS', fileID, tempFileURL: `http://127.0.0.1:${this.port}/cos/${path}?sign=tmp&t=${String(f.max_age)}` }
            : { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' }
        })
        return { data: { download_list: list } }
      }
      default:
        throw new ServiceError('INVALID_PARAM', `fake CloudBase does not know action ${String(b.action)}`)
    }
  }

  private cos(method: string, path: string, raw: Buffer, res: http.ServerResponse): void {
    if (method === 'PUT') {
      this.files.set(path, raw)
      res.writeHead(200)
      res.end()
      return
    }
    const bytes = this.files.get(path)
    if (!bytes) {
      res.writeHead(404)
      res.end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' })
    res.end(bytes)
  }
}

/** The SDK's pipeline: each stage's key and its EJSON text, decoded. */
function aggregateStages(b: Obj): Stage[] {
  return (Array.isArray(b.stages) ? b.stages : []).map((st) => ({ key: String((st as Obj).stageKey), value: parseEjsonText((st as Obj).stageValue) }))
}

/** The fields of a multipart/form-data body (form-data's layout: one part per field, bytes kept). */
function multipartFields(raw: Buffer, boundary: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {}
  const sep = Buffer.from(`--${boundary}`)
  let at = raw.indexOf(sep)
  while (at !== -1) {
    const next = raw.indexOf(sep, at + sep.length)
    if (next === -1) break
    const part = raw.subarray(at + sep.length + 2, next - 2)
    const split = part.indexOf('\r\n\r\n')
    const name = /name="([^"]+)"/.exec(part.subarray(0, split).toString('utf8'))?.[1]
    if (name && split !== -1) out[name] = part.subarray(split + 4)
    at = next
  }
  return out
}
