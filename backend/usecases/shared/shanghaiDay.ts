/** Shanghai calendar day → UTC instant at its start. */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString()
}

export function nextDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + 24 * 3600 * 1000).toISOString()
}
