/** Phone numbers as people type them: one normal form and whether it is a mainland number. */
/** Spaces and dashes people type are dropped; a landline keeps one dash after the area code. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s\-－—()（）]/g, '')
  // Area codes are 010 and 02X (three digits) or 0XXX (four): that decides where the dash goes.
  const m = /^(0[12]\d|0[3-9]\d{2})(\d{7,8})$/.exec(digits)
  return m ? `${m[1]}-${m[2]}` : digits
}

/** Mainland mobile (1 + 10 digits) or a landline with area code (020-12345678, 0755-1234567). */
export function isPhone(raw: string): boolean {
  const p = normalizePhone(raw)
  return /^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}-\d{7,8}$/.test(p)
}
