/** Excel opens UTF-8 CSV as Chinese only with a BOM; add it if the server's text lacks one. */
export function withBom(csv: string): string {
  return csv.charCodeAt(0) === 0xfeff ? csv : `\ufeff${csv}`
}

/** H5 only: hands a CSV text to the browser as a file download (Blob + a temporary <a download>). */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Some browsers start the download after the click returns; keep the URL alive a moment.
  setTimeout(() => URL.revokeObjectURL(url), 5000)
}
