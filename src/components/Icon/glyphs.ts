/**
 * Our icon set: one stroked path per icon on a 24 × 24 grid (outline style, 1.8 wide, round ends), drawn by
 * components/Icon as a CSS mask in the text colour. Kept as bare path data, not files or base64: the tab bar
 * and the home page sit in the main package, where every byte counts (bench 4a), and NutUI's icons cost
 * 1–2 KB each there.
 */
export const GLYPHS = {
  home: 'M3 10.5 12 3l9 7.5M5 9v11h5v-6h4v6h5V9',
  message: 'M4 5h16v11H9l-5 4zM8 9.5h8M8 12.5h5',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  camera: 'M3 8h4l2-3h6l2 3h4v12H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  list: 'M8 3h8v3H8zM6 4.5H5V21h14V4.5h-1M8.5 11h7M8.5 15h5',
  scales: 'M12 4v16M8 20h8M5 7h14M5 7l-3 7a3 3 0 0 0 6 0zM19 7l-3 7a3 3 0 0 0 6 0z',
  map: 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3zM9 3v15M15 6v15',
  megaphone: 'M3 10v4h3l7 4V6l-7 4M17 9a4 4 0 0 1 0 6M19.5 6.5a7.5 7.5 0 0 1 0 11',
  house: 'M4 21V9l8-6 8 6v12zM10 21v-5h4v5M9 11h.01M15 11h.01',
  bell: 'M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 21h4',
  briefcase: 'M3 7h18v13H3zM9 7V4h6v3M3 12h18',
  userPlus: 'M10 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM3 21a7 7 0 0 1 11-5.7M19 14v6M16 17h6',
  monitor: 'M3 4h18v12H3zM8 20h8M12 16v4',
  chart: 'M4 20h16M7 16v-5M12 16V6M17 16V9',
  shieldCheck: 'M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  sliders: 'M4 6h9M17 6h3M15 4v4M4 12h3M11 12h9M9 10v4M4 18h11M19 18h1M17 16v4',
  chat: 'M3 4h13v10H8l-5 4zM19 8h2v12l-4-3h-7v-3',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M16 3.5a4 4 0 0 1 0 7.5M18 14a7 7 0 0 1 4 7',
  send: 'M21 3 3 10l7 3 3 8zM10 13l5-5',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  building: 'M5 21V4h10v17M15 9h4v12M3 21h18M8 8h4M8 12h4M8 16h4',
  shield: 'M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6zM12 8v4M12 15.5h.01',
  flame: 'M12 3c1 4 5 6 5 11a5 5 0 0 1-10 0c0-2.5 1.5-4 2.5-5 .5 2 1.5 3 2.5 3 0-3-1-6 0-9z',
  tray: 'M3 13l3-8h12l3 8v7H3zM3 13h5l1 3h6l1-3h5',
  siren: 'M6 18v-6a6 6 0 0 1 12 0v6M4 18h16v3H4zM12 2v2M3.5 5.5l1.5 1.5M20.5 5.5 19 7M12 10v4',
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z',
} as const

export type IconName = keyof typeof GLYPHS

const HEAD = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='#000' stroke-width='1.8' stroke-linecap='round' stroke-linejoin='round'><path d='"

/** The icon as a CSS `url(…)` of an SVG data URI (URL-encoded: shorter than base64, no quotes or `;` left raw). */
export function iconUrl(name: IconName): string {
  return `url("data:image/svg+xml,${encodeURIComponent(`${HEAD}${GLYPHS[name]}'/></svg>`)}")`
}
