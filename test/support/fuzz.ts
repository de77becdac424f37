/**
 * Building blocks for fuzzing the cloud functions (test/faults): hostile values, payload models
 * with one field broken, and the checks every answer must pass.
 *
 * Every generated event goes through a JSON round trip before it is sent, as it would over the
 * wire (CloudBase and the local server both hand `main` a JSON.parse result): NaN and Infinity
 * cannot arrive as numbers, only as strings or null, while `__proto__` does arrive as an own key.
 */
import fc from 'fast-check'

export const STABLE_CODES = ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ILLEGAL_TRANSITION', 'CONFLICT', 'OUT_OF_AREA', 'RATE_LIMITED', 'UNAVAILABLE', 'PHONE_MISMATCH', 'CONSENT_REQUIRED', 'PHONE_CODE_UNAVAILABLE', 'STAFF_ACCOUNT', 'VOIP_UNAVAILABLE'] as const

export const HAN = /[\u4e00-\u9fff]/

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const

// ---------------------------------------------------------------------------------------------
// Payload models: each action's fields with a generator of valid values and the field's kind.

export type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object'

export interface FieldSpec {
  kind: Kind
  valid: fc.Arbitrary<unknown>
  optional?: boolean
  /** null is a valid value (e.g. `avatar: null` removes the picture), so it is never sent as a wrong type. */
  nullable?: boolean
}

export type Model = Record<string, FieldSpec>

export const S = (valid: fc.Arbitrary<unknown>, optional = false): FieldSpec => ({ kind: 'string', valid, optional })
export const N = (valid: fc.Arbitrary<unknown>, optional = false): FieldSpec => ({ kind: 'number', valid, optional })
export const B = (optional = false): FieldSpec => ({ kind: 'boolean', valid: fc.boolean(), optional })
export const A = (valid: fc.Arbitrary<unknown>, optional = false): FieldSpec => ({ kind: 'array', valid, optional })
export const O = (valid: fc.Arbitrary<unknown>, optional = false): FieldSpec => ({ kind: 'object', valid, optional })

/** An own, enumerable property even for `__proto__` (plain assignment would set the prototype). */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
  return o
}

export function fromEntries(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  for (const [k, v] of entries) setOwn(o, k, v)
  return o
}

/** What the function would receive over the wire. */
export function overTheWire(x: unknown): unknown {
  const s = JSON.stringify(x)
  return s === undefined ? undefined : JSON.parse(s)
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

/** Strings that have broken text handling elsewhere: lone surrogates, bidi controls, joiners. */
export const UNICODE_EDGES = [
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\ude00b',
  '\udc00\ud800',
  '\u202eevil\u202c',
  '\u202b\u05e9\u05dc\u05d5\u05dd\u202c',
  '\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645',
  '\u200b',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\ufeff楼下垃圾堆了三天',
  '垃\u200b圾\u200b堆\u200b了\u200b三天',
  '\u0000',
  'a\u0000b\u0000c\u0000d\u0000e',
  '\r\n\t\v\f',
  '\u2028\u2029',
  '😀😀😀😀😀',
  '👨‍👩‍👧‍👦👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '１２３４５６７８９０',
  '١٢٣٤٥',
  '\uffff\ufffe',
  '\u{10ffff}',
  '        ',
  '\u3000\u3000\u3000\u3000\u3000\u3000',
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  '%s%s%s%n',
  '${process.exit()}',
  '../../../../etc/passwd',
  'cloud://../../x',
  '=cmd|"/c calc"!A1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
]

const EDGE_CHARS = ['a', 'A', '0', '中', '😀', '\u200b', '\u202e', '\ud800', '\u0000', ' ', '=', '/', '\\', '"']

/** Up to ~100k characters: one character repeated, or a mixed run repeated. */
export const hugeString: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...EDGE_CHARS), fc.integer({ min: 1_000, max: 100_000 })).map(([c, n]) => c.repeat(n)),
  fc.tuple(fc.string({ unit: codeUnit(), minLength: 1, maxLength: 16 }), fc.integer({ min: 64, max: 6_000 })).map(([s, n]) => s.repeat(n)),
  fc.constantFrom(501, 1001, 2001, 7_000_001).map((n) => 'x'.repeat(n)),
)

/** Any UTF-16 code unit, lone surrogates included, biased towards the nasty ones. */
function codeUnit(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...EDGE_CHARS),
    fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n)),
  )
}

export const edgeString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES),
  fc.string({ unit: codeUnit(), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1e308', 'NaN', 'Infinity', '-Infinity', 'null', 'undefined', 'true', '[]', '{}', '0x10', '1_000'),
)

/** Numbers as JSON can carry them (and the strings a client might send instead). */
export const edgeNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, 1e308, -1e308, 5e-324, -5e-324, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 181, -181, 91, -91, 180.0000001, -90.0000001, 360, 1e9),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1', '1e308', '-1', '0x1F', ''),
  // NaN and ±Infinity become null on the wire.
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
)

/** Objects that would pollute Object.prototype if merged naively, in the shape JSON.parse gives. */
export const pollution: fc.Arbitrary<unknown> = fc.constantFrom(
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}},"a":{"__proto__":{"polluted":"yes"}}}',
  '{"__proto__":[1,2,3]}',
  '{"__proto__":null}',
  '{"__proto__":"polluted"}',
  '{"constructor":"polluted","toString":"x","valueOf":1,"hasOwnProperty":null}',
).map((s) => JSON.parse(s) as unknown)

/** Keys that do not belong: prototype keys, identity the payload must never set, oddities. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PROTO_KEYS), weight: 4 },
  { arbitrary: fc.constantFrom('userId', 'openid', 'OPENID', 'role', 'grants', 'creatorId', 'status', 'version_', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '0', 'length'), weight: 3 },
  { arbitrary: fc.constantFrom(...UNICODE_EDGES), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.integer({ min: 100, max: 100_000 }).map((n) => 'k'.repeat(n)), weight: 1 },
)

const leaf: fc.Arbitrary<unknown> = fc.oneof(fc.constant(null), fc.boolean(), edgeNumber, edgeString)

/** Arbitrary JSON-ish junk, prototype keys included, a few levels deep. */
export const junk: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: leaf, weight: 5 },
    { arbitrary: fc.array(tie('v'), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.array(fc.tuple(fc.oneof(extraKey, fc.string({ maxLength: 6 })), tie('v')), { maxLength: 4 }).map(fromEntries), weight: 1 },
    { arbitrary: pollution, weight: 1 },
  ),
})).v

/** Deeply nested arrays/objects and long arrays. */
export const bulky: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 50, max: 2_000 }).map((depth) => {
    let v: unknown = 'deep'
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
    return v
  }),
  fc.integer({ min: 10, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? '01ARZ3NDEKTSV4RRFFQ69G5FAV' : i))),
  fc.integer({ min: 10, max: 5_000 }).map((n) => fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
)

/** Anything at all where a payload, a field or an event goes. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: leaf, weight: 6 },
  { arbitrary: hugeString, weight: 2 },
  { arbitrary: junk, weight: 4 },
  { arbitrary: pollution, weight: 2 },
  { arbitrary: bulky, weight: 1 },
)

/** A value of the wrong JSON type for a field of this kind (never valid for it). */
export function wrongType(kind: Kind): fc.Arbitrary<unknown> {
  const str = fc.oneof(edgeString, hugeString)
  const num = fc.constantFrom(0, -1, 1e308, 2.5)
  const obj = fc.oneof(pollution, fc.constant({}), junk.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x)))
  const arr = fc.oneof(fc.array(leaf, { maxLength: 3 }), fc.constant([]))
  const nul = fc.constant(null)
  switch (kind) {
    case 'string':
      return fc.oneof(num, fc.boolean(), nul, arr, obj)
    case 'number':
      return fc.oneof(str, fc.boolean(), nul, arr, obj)
    case 'boolean':
      return fc.oneof(str, num, nul, arr, obj, fc.constantFrom('true', 'false', 1, 0))
    case 'array':
      return fc.oneof(str, num, fc.boolean(), nul, obj, fc.constant({ 0: 'a', length: 1 }))
    case 'object':
      return fc.oneof(str, num, fc.boolean(), nul, arr)
  }
}

/** A value of the right type that tests a field's limits (may or may not be accepted). */
export function edgeOfKind(kind: Kind, valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'string':
      return fc.oneof(edgeString, hugeString, valid.map((v) => (typeof v === 'string' ? `\u200b${v}\u202e` : v)), valid.map((v) => (typeof v === 'string' ? ` ${v} `.toLowerCase() : v)))
    case 'number':
      return fc.oneof(edgeNumber, valid.map((v) => (typeof v === 'number' ? v + 0.5 : v)), valid.map((v) => (typeof v === 'number' ? -v : v)))
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.oneof(
        fc.array(nasty, { maxLength: 5 }),
        valid.map((v) => (Array.isArray(v) ? [...v, ...v, ...v, ...v, ...v, ...v, ...v, ...v, ...v, ...v, null] : v)),
        valid.map((v) => (Array.isArray(v) ? [v] : v)),
        bulky.filter(Array.isArray),
      )
    case 'object':
      return fc.oneof(fc.constant({}), pollution, junk, valid.map((v) => injectAll(v)))
  }
}

/** Adds `__proto__`/`constructor` keys to every object inside `v` (a copy). */
function injectAll(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(injectAll)
  if (typeof v !== 'object' || v === null) return v
  const o = fromEntries(Object.entries(v).map(([k, x]) => [k, injectAll(x)]))
  setOwn(o, '__proto__', { polluted: 'yes' })
  return o
}

/** Every object node inside `v`, the root included, for nested injection. */
function objectNodes(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) v.forEach((x) => objectNodes(x, out))
  else if (typeof v === 'object' && v !== null) {
    out.push(v as Record<string, unknown>)
    Object.values(v).forEach((x) => objectNodes(x, out))
  }
  return out
}

function clone<T>(v: T): T {
  return overTheWire(v) as T
}

export function validData(model: Model): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(model)
  const required = keys.filter((k) => !model[k]!.optional)
  const shape = Object.fromEntries(keys.map((k) => [k, model[k]!.valid]))
  return fc.record(shape, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>
}

export interface Payload {
  /** The event as the function receives it (already through the JSON round trip). */
  event: unknown
  /** How it was made, for the summary and for reading a failure. */
  how: string
}

function withField(data: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const o = fromEntries(Object.entries(data))
  setOwn(o, key, value)
  return o
}

function withoutField(data: Record<string, unknown>, key: string): Record<string, unknown> {
  return fromEntries(Object.entries(data).filter(([k]) => k !== key))
}

/**
 * Data payloads that no correct schema for `model` accepts: a field of the wrong type, a
 * required field missing, an unknown key (prototype keys included) at the top or nested inside,
 * or data that is not an object at all.
 */
export function invalidData(model: Model): fc.Arbitrary<{ data: unknown; how: string }> {
  const keys = Object.keys(model)
  const required = keys.filter((k) => !model[k]!.optional)
  const valid = validData(model)
  const options: Array<fc.WeightedArbitrary<{ data: unknown; how: string }>> = [
    {
      weight: 3,
      arbitrary: fc.tuple(valid, extraKey, nasty).map(([d, k, v]) => ({ data: keys.includes(k) ? withField(d, `${k}_`, v) : withField(d, k, v), how: 'extra-key' })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.nat(), fc.constantFrom(...PROTO_KEYS), pollution).map(([d, i, k, v]) => {
        const data = clone(d)
        const nodes = objectNodes(data)
        const nested = nodes.length > 1
        setOwn(nested ? nodes[1 + (i % (nodes.length - 1))]! : data, k, v)
        return { data, how: nested ? 'nested-proto-key' : 'proto-key' }
      }),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.array(nasty, { maxLength: 3 }), valid.map((d) => [d]), edgeString, hugeString, fc.constantFrom(0, -1, 1e308, true, false)).map((data) => ({ data, how: 'data-not-object' })),
    },
  ]
  if (keys.length > 0) {
    options.push({
      weight: 6,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...keys))
        .chain(([d, k]) => wrongType(model[k]!.kind).filter((v) => !(v === null && model[k]!.nullable)).map((v) => ({ data: withField(d, k, v), how: `wrong-type:${k}` }))),
    })
  }
  if (required.length > 0) {
    options.push({ weight: 3, arbitrary: fc.tuple(valid, fc.constantFrom(...required)).map(([d, k]) => ({ data: withoutField(d, k), how: `missing:${k}` })) })
  }
  return fc.oneof(...options)
}

/** Data payloads of every sort: valid, limits tested, one field broken, or junk. */
export function anyData(model: Model): fc.Arbitrary<{ data: unknown; how: string }> {
  const keys = Object.keys(model)
  const valid = validData(model)
  const options: Array<fc.WeightedArbitrary<{ data: unknown; how: string }>> = [
    { weight: 3, arbitrary: valid.map((data) => ({ data, how: 'valid' })) },
    { weight: 10, arbitrary: invalidData(model) },
    { weight: 2, arbitrary: nasty.map((data) => ({ data, how: 'junk' })) },
  ]
  if (keys.length > 0) {
    options.push({
      weight: 6,
      arbitrary: fc.tuple(valid, fc.constantFrom(...keys)).chain(([d, k]) => edgeOfKind(model[k]!.kind, model[k]!.valid).map((v) => ({ data: withField(d, k, v), how: `edge:${k}` }))),
    })
  }
  return fc.oneof(...options)
}

/** Action names that must never resolve to an action. */
export function badActionName(real: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', ''),
    fc.constantFrom(...real).chain((a) => fc.constantFrom(`${a} `, ` ${a}`, a.toUpperCase(), `${a}\u200b`, `\u202e${a}`, `${a}\u0000`, `${a}.`, `${a}/../${a}`)),
    fc.constantFrom(...real).map((a) => a.padEnd(65, 'x')),
    hugeString,
    edgeNumber,
    fc.constantFrom(null, true, false, [], ['submit'], {}, { toString: 'me' }),
    pollution,
  )
}

/** Whole events that are refused before any action runs. */
export function invalidEvent(real: readonly string[]): fc.Arbitrary<Payload> {
  return fc.oneof(
    fc.oneof(leaf, hugeString, fc.array(leaf, { maxLength: 3 }), fc.constant([{ action: real[0] }])).map((event) => ({ event, how: 'event-not-object' })),
    fc.tuple(badActionName(real), fc.option(nasty)).map(([action, data]) => ({ event: data === null ? { action } : { action, data }, how: 'bad-action' })),
    fc.tuple(fc.constantFrom('data', 'userId', 'payload', 'Action', 'ACTION', ...PROTO_KEYS), nasty).map(([k, v]) => ({ event: fromEntries([[k, v]]), how: 'no-action' })),
  ).map(({ event, how }) => ({ event: overTheWire(event), how }))
}

/** Events for one action, every sort: its data varied, plus broken events and identity spoofing. */
export function anyEvent(action: string, model: Model, real: readonly string[]): fc.Arbitrary<Payload> {
  return fc
    .oneof(
      { weight: 16, arbitrary: anyData(model).map(({ data, how }) => ({ event: { action, data }, how })) },
      { weight: 2, arbitrary: invalidEvent(real) },
      { weight: 1, arbitrary: fc.constantFrom({ action }, { action, data: null }).map((event) => ({ event, how: 'no-data' })) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(validData(model), fc.constantFrom(...PROTO_KEYS, 'userId', 'openid', 'OPENID', 'userInfo', 'jiefangLocal'), fc.oneof(pollution, fc.constantFrom('demo-admin', { authorization: 'Bearer x' }, { openId: 'o-admin' })))
          .map(([data, k, v]) => ({ event: setOwn({ action, data }, k, v), how: 'event-extra' })),
      },
    )
    .map(({ event, how }) => ({ event: overTheWire(event), how }))
}

/** Events for one action that must all be refused. */
export function refusedEvent(action: string, model: Model, real: readonly string[]): fc.Arbitrary<Payload> {
  return fc
    .oneof(
      { weight: 6, arbitrary: invalidData(model).map(({ data, how }) => ({ event: { action, data }, how })) },
      { weight: 1, arbitrary: invalidEvent(real) },
    )
    .map(({ event, how }) => ({ event: overTheWire(event), how }))
}

// ---------------------------------------------------------------------------------------------
// Checks.

export interface ProtoSnapshot {
  names: string[]
  values: Map<string, unknown>
}

const WATCHED = [Object.prototype, Array.prototype, Function.prototype, String.prototype]

export function protoSnapshot(): ProtoSnapshot[] {
  return WATCHED.map((p) => {
    const names = Reflect.ownKeys(p).map(String).sort()
    const values = new Map(Reflect.ownKeys(p).map((k) => [String(k), Object.getOwnPropertyDescriptor(p, k)?.value ?? Object.getOwnPropertyDescriptor(p, k)?.get]))
    return { names, values }
  })
}

/** A description of what changed on the built-in prototypes, or null. */
export function protoChanges(before: ProtoSnapshot[]): string | null {
  const after = protoSnapshot()
  const probe = {} as Record<string, unknown>
  if ('polluted' in probe || 'isAdmin' in probe) return `Object.prototype polluted: polluted=${String(probe.polluted)} isAdmin=${String(probe.isAdmin)}`
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!
    const a = after[i]!
    if (b.names.join() !== a.names.join()) return `prototype #${i} keys changed: +[${a.names.filter((n) => !b.names.includes(n))}] -[${b.names.filter((n) => !a.names.includes(n))}]`
    for (const [k, v] of b.values) if (a.values.get(k) !== v) return `prototype #${i}.${k} replaced`
  }
  return null
}

/** What is wrong with one answer, or null when it follows the contract. */
export function answerProblem(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return `answer is not an object: ${short(answer)}`
  const a = answer as Record<string, unknown>
  try {
    JSON.stringify(a)
  } catch (e) {
    return `answer is not JSON-serialisable: ${(e as Error).message}`
  }
  if (a.ok === true) return null
  if (a.ok !== false) return `answer.ok is ${short(a.ok)}`
  if (!(STABLE_CODES as readonly unknown[]).includes(a.code)) return `unstable code ${short(a.code)}: ${short(a.message)}`
  if (typeof a.message !== 'string' || !HAN.test(a.message)) return `message without Chinese: ${short(a.message)}`
  // A person reads it: no English words (a library's default text echoing the input passed the
  // Chinese check once, with the fuzz's own Han characters in it) and no flood.
  // What the person typed comes back quoted 「…」; file formats keep their own names.
  const words = a.message.replace(/「[^」]*」/g, '').replace(/\b(JPG|PNG|WebP|GeoJSON|JSON|CSV|H5|API|QR)\b/g, '')
  if (/[A-Za-z]{3,}/.test(words)) return `message with English words: ${short(a.message)}`
  if (a.message.length > 200) return `message longer than 200 characters (${a.message.length}): ${short(a.message)}`
  return null
}

/** A readable, bounded rendering of a payload for failure messages. */
export function short(x: unknown, max = 600): string {
  let s: string
  try {
    s = JSON.stringify(x, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…<${v.length} chars>` : v))
  } catch {
    s = String(x)
  }
  if (s === undefined) s = String(x)
  return s.length > max ? `${s.slice(0, max)}…` : s
}
