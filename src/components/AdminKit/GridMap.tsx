import type { UnitListView } from '../../contracts/admin'

/** The grids' outlines on a plain SVG (no map tiles needed on the desk): where each grid lies and whether they meet. */
export default function GridMap({ grids }: { grids: UnitListView[] }) {
  const shapes = grids.filter((g) => g.polygon && g.polygon[0]?.length)
  if (shapes.length === 0) return <svg className='jf-ak-map' id='jf-org-map' data-grids={0} />
  const pts = shapes.flatMap((g) => g.polygon![0]!)
  const [w, e] = [Math.min(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[0]!))]
  const [s, n] = [Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[1]!))]
  // Metres east–west shrink with latitude; keep the shapes' proportions.
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180)
  const width = 1000
  const height = Math.max(200, Math.min(1000, (width * (n - s)) / Math.max((e - w) * kx, 1e-9)))
  const x = (lng: number) => 20 + ((lng - w) / Math.max(e - w, 1e-9)) * (width - 40)
  const y = (lat: number) => 20 + ((n - lat) / Math.max(n - s, 1e-9)) * (height - 40)
  return (
    <svg className='jf-ak-map' id='jf-org-map' data-grids={shapes.length} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio='xMidYMid meet'>
      {shapes.map((g, i) => {
        const ring = g.polygon![0]!
        const d = ring.map((p, j) => `${j ? 'L' : 'M'}${x(p[0]!).toFixed(1)},${y(p[1]!).toFixed(1)}`).join(' ') + 'Z'
        const cx = ring.slice(0, -1).reduce((a, p) => a + x(p[0]!), 0) / Math.max(ring.length - 1, 1)
        const cy = ring.slice(0, -1).reduce((a, p) => a + y(p[1]!), 0) / Math.max(ring.length - 1, 1)
        return (
          <g key={g.code} data-code={g.code}>
            <path d={d} fill={`hsla(${(i * 47) % 360}, 70%, 55%, 0.25)`} stroke='#1d4ed8' strokeWidth={2} />
            <text x={cx} y={cy} fontSize={18} textAnchor='middle' fill='#1d2129'>
              {g.name.replace(/^.*社区/, '')}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
