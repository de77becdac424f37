/**
 * The command centre's map of reports by grid (H5 dashboard): count classes, their colours and
 * legend, and which grid a click falls on. Pure; the canvas only paints what this decides.
 */
import { fitProjection, inPolygon, type Projection } from '../geo-fit'

export interface ChoroplethGrid {
  code: string
  name: string
  count: number
  polygon: number[][][]
}

export interface ChoroplethClass {
  from: number
  to: number
  color: string
  /** 0, 1–3, 4 … as the legend prints it. */
  label: string
}

/** Light to dark; the highest class always takes the darkest, however few classes there are. */
export const RAMP = ['#FFE8D1', '#FFC48A', '#FF9A2E', '#F5602D', '#CB272D']
export const NONE_COLOR = '#F2F3F5'

/**
 * No reports is a class of its own; the rest split 1..max into at most `steps` equal, whole-number
 * classes (never an empty or repeated one), so every count falls in exactly one class.
 */
export function choroplethClasses(max: number, steps = RAMP.length): ChoroplethClass[] {
  const out: ChoroplethClass[] = [{ from: 0, to: 0, color: NONE_COLOR, label: '0' }]
  const top = Math.floor(max)
  if (!(top > 0)) return out
  const n = Math.min(steps, RAMP.length, top)
  let from = 1
  for (let i = 1; i <= n; i++) {
    const to = i === n ? top : Math.max(from, Math.round((top * i) / n))
    out.push({ from, to, color: '', label: from === to ? String(from) : `${from}–${to}` })
    from = to + 1
    if (from > top) break
  }
  const k = out.length - 1
  out.slice(1).forEach((c, i) => (c.color = RAMP[RAMP.length - k + i]!))
  return out
}

export function classOf(count: number, classes: readonly ChoroplethClass[]): ChoroplethClass {
  return classes.find((c) => count >= c.from && count <= c.to) ?? classes[classes.length - 1]!
}

export interface PaintedGrid extends ChoroplethGrid {
  color: string
  rings: number[][][]
}

export interface Choropleth {
  classes: ChoroplethClass[]
  grids: PaintedGrid[]
  projection: Projection
}

const usable = (r: unknown): r is number[][] =>
  Array.isArray(r) && r.length >= 3 && r.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))

/** Grids with a drawable outline, coloured by class, projected to fit `width` pixels. */
export function choropleth(grids: readonly ChoroplethGrid[], width: number): Choropleth {
  const drawable = grids.map((g) => ({ ...g, rings: (g.polygon ?? []).filter(usable) })).filter((g) => g.rings.length)
  const classes = choroplethClasses(Math.max(0, ...drawable.map((g) => g.count)))
  return {
    classes,
    grids: drawable.map((g) => ({ ...g, color: classOf(g.count, classes).color })),
    projection: fitProjection(drawable.flatMap((g) => g.rings), width),
  }
}

/** The grid under a point of the drawing (x, y in the projection's units). */
export function gridAtXY(c: Choropleth, x: number, y: number): PaintedGrid | null {
  const p = c.projection.toLngLat(x, y)
  return c.grids.find((g) => inPolygon(p, g.rings)) ?? null
}
