import type { TFunction } from 'i18next';
import { isPersonReasonCode, type PersonReason } from '@civicgrid/shared/person-reasons';
import { registryZh } from './messages';

type Field = keyof typeof registryZh.field;
const isField = (path: string): path is Field => Object.hasOwn(registryZh.field, path);

/** Why a field was refused, in the UI language; a code this build does not know shows the API's English. */
export function reasonText(t: TFunction, e: Pick<PersonReason, 'code' | 'params' | 'message'>): string {
  return isPersonReasonCode(e.code) ? t(`registry.reason.${e.code}`, e.params ?? {}) : e.message;
}

/** One refused field with its name: 证件号码：校验位错误 / ID number: the check digit does not match. */
export function reasonLine(t: TFunction, e: PersonReason): string {
  const field = isField(e.path) ? t(`registry.field.${e.path}`) : e.path;
  return t('registry.import.reasonLine', { field, reason: reasonText(t, e) });
}
