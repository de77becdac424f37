import { downloadText } from './download-file'

/** Excel opens UTF-8 CSV as Chinese only with a BOM; add it if the server's text lacks one. */
export function withBom(csv: string): string {
  return csv.charCodeAt(0) === 0xfeff ? csv : `\ufeff${csv}`
}

/** H5 only: hands a CSV text to the browser as a file download. */
export function downloadCsv(filename: string, csv: string): void {
  downloadText(filename, withBom(csv), 'text/csv;charset=utf-8')
}
