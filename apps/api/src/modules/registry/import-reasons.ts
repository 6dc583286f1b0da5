import { isPersonReasonCode, PERSON_REASONS_ZH } from '@civicgrid/shared/person-reasons';
import type { FieldError } from '../../core/errors.ts';
import { PERSON_COLUMNS } from './import-format.ts';

export const REASON_LANGS = ['zh', 'en'] as const;
export type ReasonLang = (typeof REASON_LANGS)[number];

const fill = (text: string, params: FieldError['params']) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params?.[k] ?? ''));

const columnLabel = (path: string, lang: ReasonLang) =>
  PERSON_COLUMNS.find((c) => c.key === path)?.[lang] ?? path;

/** One reason as a reader of `lang` says it; a code this table does not know keeps the English message. */
export function reasonText(e: FieldError, lang: ReasonLang): string {
  if (lang === 'zh' && isPersonReasonCode(e.code)) return fill(PERSON_REASONS_ZH[e.code], e.params);
  return e.message;
}

/** A row's reasons on one line: `证件号码：校验位错误；联系电话：…` or `ID number: …; Phone: …`. */
export function reasonLine(errors: FieldError[] | null, lang: ReasonLang): string {
  return (errors ?? [])
    .map((e) =>
      lang === 'zh'
        ? `${columnLabel(e.path, lang)}：${reasonText(e, lang)}`
        : `${columnLabel(e.path, lang)}: ${reasonText(e, lang)}`,
    )
    .join(lang === 'zh' ? '；' : '; ');
}
