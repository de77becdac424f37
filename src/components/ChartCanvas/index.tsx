import { View } from '@tarojs/components'
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js'
import { useEffect, useRef } from 'react'
import './index.css'

// Only what these charts draw, so the console chunk does not carry every chart type.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Filler)

interface Props {
  id: string
  kind: 'bar' | 'line' | 'hbar'
  labels: string[]
  values: number[]
  /** Series name shown in the tooltip. */
  seriesLabel: string
  color?: string
  height?: number
}

const FONT = { family: "-apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif", size: 12 }

/**
 * A chart.js chart for the H5 console only (never imported by mini-program pages). The chart owns a
 * <canvas> it creates inside the View's DOM node, and is destroyed when the data changes or the page
 * unmounts, so no chart keeps listening to resizes after it is gone.
 */
export default function ChartCanvas({ id, kind, labels, values, seriesLabel, color = '#3370ff', height = 260 }: Props) {
  const host = useRef<HTMLElement | null>(null)
  const key = JSON.stringify([kind, labels, values, seriesLabel, color])

  useEffect(() => {
    const node = host.current instanceof HTMLElement ? host.current : document.getElementById(id)
    if (!node) return undefined
    const canvas = document.createElement('canvas')
    canvas.setAttribute('role', 'img')
    canvas.setAttribute('aria-label', seriesLabel)
    node.appendChild(canvas)
    const horizontal = kind === 'hbar'
    const config: ChartConfiguration<'bar' | 'line'> = {
      type: kind === 'line' ? 'line' : 'bar',
      data: {
        labels,
        datasets: [
          {
            label: seriesLabel,
            data: values,
            backgroundColor: kind === 'line' ? `${color}22` : color,
            borderColor: color,
            borderWidth: kind === 'line' ? 2 : 0,
            borderRadius: kind === 'line' ? 0 : 4,
            maxBarThickness: 28,
            fill: kind === 'line',
            tension: 0.3,
            pointRadius: values.length > 40 ? 0 : 3,
          },
        ],
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: { duration: 300 },
        plugins: { legend: { display: false }, tooltip: { bodyFont: FONT, titleFont: FONT } },
        scales: {
          x: { grid: { display: horizontal }, ticks: { font: FONT, color: '#4e5969', precision: 0, maxRotation: 45, autoSkip: true } },
          y: { beginAtZero: true, grid: { display: !horizontal }, ticks: { font: FONT, color: '#4e5969', precision: 0 } },
        },
      },
    }
    const chart = new Chart(canvas, config)
    return () => {
      chart.destroy()
      canvas.remove()
    }
    // `key` captures every input; the arrays themselves are new on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, id])

  return (
    <View
      ref={host as never}
      id={id}
      className='jf-chart'
      data-points={values.length}
      style={{ height: `${height}px` }}
    />
  )
}
