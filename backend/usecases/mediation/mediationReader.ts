/**
 * Who reads a mediation notice: a party to the case (applicant, respondent, follower), staff (the
 * mediator, the centre) or an invited helper (协助调解). Its own file: the words tables of each part
 * of mediation take it, and notices.ts takes those tables.
 */
export type MediationReader = 'party' | 'staff' | 'helper'
