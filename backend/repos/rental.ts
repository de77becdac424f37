/**
 * The rental aggregate (出租屋实名登记): buildings, fire inspections and the registration vault
 * (ciphertexts and keyed hashes of identity numbers and phones, never plain text). The audit log
 * of reveals and exports is its own aggregate (audit.ts).
 */

export interface Building {
  id: string
  /** Public, unguessable code printed in the QR. */
  code: string
  name: string
  address: string
  location: { lng: number; lat: number }
  gridCode: string
  floors: number
  rooms: string[]
  managerId: string
  creatorId: string
  idempotencyKey: string
  createdAt: string
  lastInspectionAt: string | null
}

export interface FireInspection {
  id: string
  buildingId: string
  inspectorId: string
  idempotencyKey: string
  at: string
  items: Array<{ code: string; passed: boolean; note: string | null }>
  photos: string[]
  caseIds: string[]
}

/** One registration's secrets; all null once purged. */
export interface RegistrationSecret {
  caseId: string
  buildingId: string
  /** base64(iv | tag | ciphertext), AES-256-GCM with the case id as additional data. */
  docCipher: string | null
  phoneCipher: string | null
  /** HMAC-SHA256 (hex) of the normalised document number under its own key. */
  docHmac: string | null
  purgedAt: string | null
}

export interface RentalTx {
  /** Inserts, or returns the building already holding (creatorId, idempotencyKey). */
  insertBuilding(b: Building): Promise<Building>
  setBuildingInspected(buildingId: string, at: string): Promise<void>
  /** Inserts, or returns the inspection already holding (inspectorId, idempotencyKey). */
  insertInspection(i: FireInspection): Promise<FireInspection>
  /** Inserts or replaces the secrets of one registration. */
  putSecret(s: RegistrationSecret): Promise<void>
  getSecret(caseId: string): Promise<RegistrationSecret | null>
  /**
   * The registration that last claimed a document as live, by keyed hash: read and set in the
   * confirmation's transaction (older data: the check-in's), so two confirmed stays of one
   * document cannot both pass; released when the stay ends, so no hash outlives it here.
   */
  liveDocumentHolder(docHmac: string): Promise<string | null>
  setLiveDocumentHolder(docHmac: string, caseId: string): Promise<void>
  /** Removes the claim if `caseId` still holds it. */
  releaseLiveDocument(docHmac: string, caseId: string): Promise<void>
}

export interface RentalRepo {
  getBuilding(id: string): Promise<Building | null>
  getBuildingByCode(code: string): Promise<Building | null>
  /** A manager's buildings, oldest first. */
  buildingsOf(managerId: string): Promise<Building[]>
  /** Buildings located in any of the grids, oldest first, at most 2000. */
  buildingsInGrids(gridCodes: readonly string[]): Promise<Building[]>
  /** Newest first, at most 100. */
  listInspections(buildingId: string): Promise<FireInspection[]>
  getSecret(caseId: string): Promise<RegistrationSecret | null>
  /** Registrations (case ids) whose document hashes to `docHmac` and are not purged. */
  caseIdsByDocHmac(docHmac: string): Promise<string[]>
}
