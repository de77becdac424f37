/** H5 only: hands a text to the browser as a file download (Blob + a temporary <a download>). */
export function downloadText(filename: string, text: string, type: string): void {
  const blob = new Blob([text], { type })
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
