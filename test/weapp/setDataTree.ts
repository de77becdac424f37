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
