import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  TEMPLATE_ACTIONS,
  TEMPLATE_FIELD,
  type TemplateAction,
} from '@civicgrid/shared/case-reply-templates';
import type { CaseAction } from './case-types';
import { useReplyTemplates } from './reply-template-api';

export const isTemplateAction = (a: CaseAction): a is TemplateAction =>
  (TEMPLATE_ACTIONS as readonly string[]).includes(a);

/** The text field of a case action a reply template fills (feedback → result, reject → reason, …). */
export const templateFieldOf = (a: CaseAction) => (isTemplateAction(a) ? TEMPLATE_FIELD[a] : null);

interface Props {
  action: TemplateAction;
  categoryId: string;
  testId: string;
  placeholder?: string | undefined;
  value?: string;
  onChange?: (value: string) => void;
}

/**
 * A case action's text with 常用回复 above it: picking one puts its text in the field, to be edited there. The
 * templates of the caller's unit and the units above it, for this action and the case's category (or all).
 */
export function TemplatedText({ action, categoryId, testId, placeholder, value, onChange }: Props) {
  const { t } = useTranslation();
  const templates = useReplyTemplates(action, categoryId);
  const items = templates.data ?? [];
  return (
    <div>
      {items.length > 0 && (
        <Select
          size="small"
          value={null}
          placeholder={t('caseReturn.templates.pick')}
          style={{ width: '100%', marginBottom: 8 }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid={`${testId}-template`}
          options={items.map((x) => ({ value: x.id, label: x.title }))}
          onChange={(id: string) => {
            const hit = items.find((x) => x.id === id);
            if (hit) onChange?.(hit.body);
          }}
        />
      )}
      <Input.TextArea
        rows={3}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange?.(e.target.value)}
        data-testid={testId}
      />
    </div>
  );
}
