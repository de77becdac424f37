import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A node of Taro's setData tree: `cl` is its class list, `cn` its children. */
export type TaroNode = { cl?: string; cn?: TaroNode[] } & Record<string, unknown>

/** Nodes of Taro's setData tree carrying a class; image props are compressed (see base.wxml's <image>). */
export function nodesByClass(data: unknown, cls: string): TaroNode[] {
  const out: TaroNode[] = []
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return
    if (Array.isArray(n)) return n.forEach(walk)
    const node = n as TaroNode
    if (typeof node.cl === 'string' && node.cl.split(' ').includes(cls)) out.push(node)
    Object.values(node).forEach(walk)
  }
  walk(data)
  return out
}

/**
 * The compressed prop (`p7`…) that carries `attr` of WeChat's `tag` in the built base.wxml: Taro numbers
 * each component's attributes by their sorted rank, so the slot moves whenever the list changes (the aria
 * attributes of config/aria did). Read from the template itself rather than written into each test.
 */
export function templateSlot(tag: string, attr: string): string {
  const wxml = readFileSync(join(__dirname, '../../miniprogram/base.wxml'), 'utf8')
  const open = new RegExp(`<${tag} [^>]*`).exec(wxml)?.[0] ?? ''
  const slot = new RegExp(` ${attr}="\\{\\{(?:xs\\.b\\()?i\\.(p\\d+)`).exec(open)?.[1]
  if (!slot) throw new Error(`base.wxml has no <${tag} ${attr}> slot`)
  return slot
}
