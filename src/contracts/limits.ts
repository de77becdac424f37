/**
 * The wire's length and count limits, written once: the zod schemas (`*Schemas.ts` beside this
 * file) refuse past them and the app's forms count against them. No zod here, so the
 * mini-program may import it at runtime; lengths are characters as people count them.
 */

// Shared by several areas
/** Photos (or evidence files) one report, inspection or message carries. */
export const MAX_PHOTOS = 9
export const ADDRESS_MAX = 120
/** A person's name as parties, proxies and staff rosters give it. */
export const PERSON_NAME_MAX = 20
export const RATING_COMMENT_MAX = 300
/** Reasons for a refusal, a hidden photo, a reveal or an export. */
export const REASON_MAX = 200
export const SEARCH_MAX = 40

// Reports (reports, cases)
export const DESCRIPTION_MIN = 5
export const DESCRIPTION_MAX = 500
/** A staff move's note and a redacted description. */
export const CASE_NOTE_MAX = 500
export const BULK_ASSIGN_MAX = 100

// Mediation
export const FACTS_MIN = 10
export const FACTS_MAX = 2000
export const CLAIMS_MIN = 5
export const CLAIMS_MAX = 1000
export const MAX_RESPONDENTS = 5
export const MEDIATION_NOTE_MAX = 1000
export const MESSAGE_MAX = 1000
export const TERM_MAX = 500
export const MAX_TERMS = 30
export const SESSION_PLACE_MAX = 200

// One-key help (一键求助)
/** The line a person may type with a request (the voice note says the rest). */
export const HELP_TEXT_MAX = 200
/** A helper's note when closing or converting a request. */
export const HELP_NOTE_MAX = 500
/** People on one community's duty roster, and shifts per person. */
export const ROSTER_MAX = 100
export const SHIFTS_MAX = 14

// Grid
export const BUILDING_MAX = 40
export const QUESTION_MIN = 5
export const QUESTION_MAX = 500
export const SCOPE_MAX = 500
export const SERVICE_MAX = 60
export const SERVICES_MAX = 30
export const OFFICE_HOURS_MAX = 100
export const TEAM_MAX = 60
export const TITLE_MIN = 2
export const TITLE_MAX = 40
export const BODY_MIN = 5
export const BODY_MAX = 2000

// Rental
export const TENANT_NAME_MIN = 2
export const TENANT_NAME_MAX = 40
export const ROOM_MAX = 20
export const DOC_NUMBER_MAX = 32
export const MAX_COHABITANTS = 20
export const BUILDING_NAME_MIN = 2
export const BUILDING_NAME_MAX = 40
export const BUILDING_ADDRESS_MIN = 4
export const MAX_FLOORS = 200
export const MAX_ROOMS = 1000
export const MISUSE_NOTE_MIN = 5
export const MISUSE_NOTE_MAX = 500
/** Short notes of the rental area: a check-out, an inspection item, a dispute's finding. */
export const RENTAL_NOTE_MAX = 200

// Admin
/** GeoJSON text per call (CloudBase callFunction carries ~5 MB). */
export const MAX_GEOJSON_BYTES = 4_000_000
/** A roster or building table, before base64 (2 MB is about 2.7 MB of base64). */
export const MAX_TABLE_BYTES = 2 * 1024 * 1024

/** WeChat's 头像昵称填写 nickname, as the person sets it in 我的. */
export const NICKNAME_MAX = 20

// 对外接口 (integrations)
/** An Open311 client's, a 12345 platform's or a subscription's name as the admin gives it. */
export const PARTNER_NAME_MAX = 40
/** A webhook URL we POST to. */
export const WEBHOOK_URL_MAX = 500
