/** Whether a party's or mediator's number can be dialled. */

/** tel: wants digits only; a masked number (138****5678) cannot be dialled. */
export function dialable(phone: string | null | undefined): string | null {
  if (!phone || phone.includes('*')) return null
  const d = phone.replace(/[^\d]/g, '')
  return d.length >= 7 ? d : null
}
