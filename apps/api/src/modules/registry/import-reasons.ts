import { isPersonReasonCode, type PersonReasonCode } from '@civicgrid/shared/person-reasons';
import type { FieldError } from '../../core/errors.ts';
import { PERSON_COLUMNS } from './import-format.ts';

export const REASON_LANGS = ['zh', 'en'] as const;
export type ReasonLang = (typeof REASON_LANGS)[number];

/**
 * The reasons in Chinese, for the error workbook the office fixes and uploads again. The web says the same
 * codes through its own messages (apps/web/src/modules/registry/messages.ts); English readers get the API's
 * English message.
 */
const ZH: Record<PersonReasonCode, string> = {
  required: '必填',
  too_long: '不能超过 {{max}} 个字符',
  unknown_residence_type: '应为 户籍、流动 或 境外（填写的是“{{value}}”）',
  unknown_id_type: '应为 身份证、护照 或 其他（填写的是“{{value}}”）',
  citizen_id_required: '户籍人口和流动人口须以居民身份证登记',
  travel_document_required: '境外人员须以护照或其他旅行证件登记',
  id_length: '身份证号码应为 18 位（填写了 {{length}} 位）',
  id_chars: '应为 17 位数字加 1 位数字或 X',
  id_region: '地区码无效',
  id_birth_date_invalid: '出生日期不存在',
  id_birth_date_future: '出生日期晚于今天',
  id_check_digit: '校验位错误',
  passport_shape: '应为 5 到 20 位字母或数字',
  sex_unknown: '应为 男 或 女',
  birth_date_invalid: '应为今天以前的真实日期（YYYY-MM-DD）',
  phone_shape: '应为 11 位手机号或带区号的固定电话',
  unknown_tag: '标签库中没有“{{tag}}”',
  unknown_grid: '您的辖区内没有网格 {{code}}',
  duplicate_in_file: '与第 {{row}} 行的证件号码相同',
  already_registered: '该证件号码已登记',
  registered_during_import: '导入期间已被他人登记',
};

const fill = (text: string, params: FieldError['params']) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params?.[k] ?? ''));

const columnLabel = (path: string, lang: ReasonLang) =>
  PERSON_COLUMNS.find((c) => c.key === path)?.[lang] ?? path;

/** One reason as a reader of `lang` says it; a code this table does not know keeps the English message. */
export function reasonText(e: FieldError, lang: ReasonLang): string {
  if (lang === 'zh' && isPersonReasonCode(e.code)) return fill(ZH[e.code], e.params);
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
