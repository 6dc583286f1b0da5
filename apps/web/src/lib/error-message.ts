import type { TFunction } from 'i18next';
import { isApiError } from './api';
import { formatTime } from './time';

/** A 409 about a stale `version` (someone saved in between), not a duplicate or a role still in use. */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'STALE_VERSION';
}

/** One sentence for the user: our own wording for codes we know, else the server's message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic');
  switch (error.code) {
    case 'NETWORK_ERROR':
      return t('errors.network');
    case 'INVALID_CREDENTIALS':
      return t('errors.INVALID_CREDENTIALS');
    case 'ACCOUNT_LOCKED': {
      const until = error.details.lockedUntil;
      return typeof until === 'string'
        ? t('errors.ACCOUNT_LOCKED', { time: formatTime(until, 'YYYY-MM-DD HH:mm') })
        : t('errors.ACCOUNT_LOCKED_NO_TIME');
    }
    case 'ACCOUNT_DISABLED':
      return t('errors.ACCOUNT_DISABLED');
    case 'PASSWORD_CHANGE_REQUIRED':
      return t('errors.PASSWORD_CHANGE_REQUIRED');
    case 'INVALID_SECOND_FACTOR':
      return t('errors.INVALID_SECOND_FACTOR');
    case 'SECOND_FACTOR_ENROLMENT_REQUIRED':
      return t('errors.SECOND_FACTOR_ENROLMENT_REQUIRED');
  }
  if (isStaleVersion(error)) return t('errors.stale');
  if (error.status === 429) return t('errors.RATE_LIMITED');
  if (error.message) return error.message;
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  return t('errors.generic');
}
