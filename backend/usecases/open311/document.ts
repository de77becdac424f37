import type { WireResponse as HttpResponse } from './wire'

/**
 * One Open311 answer, written as XML (the specification's required format) or JSON from the same
 * tree: an object is an element with children / a JSON object, a list is repeated elements named
 * `item` / a JSON array, a scalar is text / a JSON value (null: an empty element).
 */
export type Scalar = string | number | boolean | null
export interface Obj {
  [field: string]: Scalar | Obj | List
}
export interface List {
  list: string
  items: ReadonlyArray<Obj | Scalar>
}
export interface Doc {
  root: string
  body: Obj | List
}

export type Format = 'xml' | 'json'

const CONTENT_TYPE: Record<Format, string> = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' }

export const list = (name: string, items: ReadonlyArray<Obj | Scalar>): List => ({ list: name, items })
const isList = (v: Obj | List): v is List => Array.isArray((v as List).items) && typeof (v as List).list === 'string'

// Characters XML 1.0 cannot carry at all (controls other than tab, newline, return; lone surrogates; U+FFFE/F).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

function xmlOf(name: string, v: Scalar | Obj | List): string {
  if (v === null) return `<${name}/>`
  if (typeof v !== 'object') return `<${name}>${escapeXml(String(v))}</${name}>`
  return `<${name}>${childrenXml(v)}</${name}>`
}

function childrenXml(v: Obj | List): string {
  if (isList(v)) return v.items.map((item) => xmlOf(v.list, item)).join('')
  return Object.entries(v)
    .map(([k, child]) => xmlOf(k, child))
    .join('')
}

function jsonOf(v: Scalar | Obj | List): unknown {
  if (v === null || typeof v !== 'object') return v
  if (isList(v)) return v.items.map(jsonOf)
  return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, jsonOf(child)]))
}

export function serialize(doc: Doc, format: Format): string {
  if (format === 'json') return JSON.stringify(jsonOf(doc.body))
  return `<?xml version="1.0" encoding="utf-8"?>\n<${doc.root}>${childrenXml(doc.body)}</${doc.root}>\n`
}

export function respond(format: Format, status: number, doc: Doc, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': CONTENT_TYPE[format], 'cache-control': 'no-store', ...headers }, body: serialize(doc, format) }
}

/** The specification's error answer: `<errors><error><code>` (the HTTP status) `<description>`. */
export function errorResponse(format: Format, status: number, description: string, headers: Record<string, string> = {}): HttpResponse {
  return respond(format, status, { root: 'errors', body: list('error', [{ code: status, description }]) }, headers)
}
