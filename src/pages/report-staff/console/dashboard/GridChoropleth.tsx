import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { GridCount } from '../../../../contracts/api'
import { centroid } from '../../../../utils/geo-fit'
import { choropleth, gridAtXY, type Choropleth } from '../../../../utils/map/choropleth'

const WIDTH = 640
const MAX_HEIGHT = 460
const FONT = "12px -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif"

/** Fits the drawing into WIDTH × MAX_HEIGHT: a tall street is drawn narrower, not cut off. */
function fitted(grids: GridCount[]): Choropleth {
  const c = choropleth(grids, WIDTH)
  return c.projection.height <= MAX_HEIGHT ? c : choropleth(grids, Math.max(160, Math.floor((WIDTH * MAX_HEIGHT) / c.projection.height)))
}

function paint(canvas: HTMLCanvasElement, c: Choropleth, selected: string | null) {
  const { width, height, toXY } = c.projection
  const dpr = window.devicePixelRatio || 1
  canvas.width = Math.round(width * dpr)
  canvas.height = Math.round(height * dpr)
  // Height follows the width (max-width: 100% on a narrow desk keeps the shapes' proportions).
  canvas.style.width = `${width}px`
  canvas.style.height = 'auto'
  const ctx = canvas.getContext('2d')
  if (!ctx) return
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, width, height)
  for (const g of c.grids) {
    ctx.beginPath()
    for (const ring of g.rings) {
      ring.forEach((p, i) => {
        const [x, y] = toXY(p)
        if (i) ctx.lineTo(x, y)
        else ctx.moveTo(x, y)
      })
      ctx.closePath()
    }
    ctx.fillStyle = g.color
    ctx.fill('evenodd')
    ctx.lineWidth = g.code === selected ? 2.5 : 1
    ctx.strokeStyle = g.code === selected ? '#1D2129' : '#FFFFFF'
    ctx.stroke()
  }
  ctx.font = FONT
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#1D2129'
  for (const g of c.grids) {
    if (!g.count) continue
    const [x, y] = toXY(centroid(g.rings[0]!))
    ctx.fillText(String(g.count), x, y)
  }
}

/**
 * 按网格分布: the grids of the desk's scope coloured by how many reports of the filter lie in each,
 * on a canvas (no map tiles on the desk; the outlines are the grids' own, WGS-84). A click names
 * the grid and its count.
 */
export default function GridChoropleth({ grids }: { grids: GridCount[] }) {
  const host = useRef<HTMLElement | null>(null)
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const c = useMemo(() => fitted(grids), [grids])
  const [selected, setSelected] = useState<string | null>(null)
  const picked = c.grids.find((g) => g.code === selected) ?? null

  useEffect(() => {
    const node = host.current instanceof HTMLElement ? host.current : document.getElementById('jf-choropleth-canvas')
    if (!node) return undefined
    const canvas = document.createElement('canvas')
    canvas.className = 'jf-db-map-canvas'
    canvas.setAttribute('role', 'img')
    canvas.setAttribute('aria-label', '各网格上报数量分布图')
    canvas.onclick = (e) => {
      const box = canvas.getBoundingClientRect()
      const x = ((e.clientX - box.left) / box.width) * c.projection.width
      const y = ((e.clientY - box.top) / box.height) * c.projection.height
      setSelected(gridAtXY(c, x, y)?.code ?? null)
    }
    node.appendChild(canvas)
    canvasRef.current = canvas
    return () => {
      canvas.remove()
      canvasRef.current = null
    }
  }, [c])

  useEffect(() => {
    if (canvasRef.current) paint(canvasRef.current, c, selected)
  }, [c, selected])

  if (!c.grids.length) return <View className='jf-db-empty'>本范围内的网格尚未导入边界</View>
  return (
    <View className='jf-db-map' id='jf-choropleth' data-grids={c.grids.length} data-classes={c.classes.map((k) => k.label).join(',')}>
      <View className='jf-db-map-host' id='jf-choropleth-canvas' ref={host as never} />
      <View className='jf-db-map-side'>
        <View className='jf-db-map-legend' id='jf-choropleth-legend'>
          {c.classes.map((k) => (
            <View key={k.label} className='jf-db-map-key'>
              <View className='jf-db-map-swatch' style={{ background: k.color }} />
              <Text>{k.label} 件</Text>
            </View>
          ))}
        </View>
        <Text className='jf-db-map-picked' id='jf-choropleth-picked'>
          {picked ? `${picked.name}：${picked.count} 件` : '点击网格查看名称和数量'}
        </Text>
      </View>
    </View>
  )
}
