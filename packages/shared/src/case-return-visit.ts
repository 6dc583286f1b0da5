/**
 * The return visit (回访): the centre calls the reporter back after an unsatisfied evaluation. An answer is
 * `unreached` (the call-back stays open, one more attempt counted), `satisfied` (the closure stands) or
 * `not_solved` (the case reopens: closed → registered).
 */
export const CALLBACK_OUTCOMES = ['unreached', 'satisfied', 'not_solved'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** Working days the centre has to call the reporter back (a district setting; the spec's default). */
export const DEFAULT_CALLBACK_DAYS = 2;
export const MAX_CALLBACK_DAYS = 30;
