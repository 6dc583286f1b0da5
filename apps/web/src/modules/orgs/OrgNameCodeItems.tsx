import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORG_CODE } from './org-api';

/** The name and code fields of an org, as its create and rename dialogs ask for them. */
export function OrgNameCodeItems({ namePlaceholder }: { namePlaceholder?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="name"
        label={t('org.name')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('org.name') }) },
          { max: 100 },
        ]}
      >
        <Input placeholder={namePlaceholder} maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('org.code')}
        rules={[{ pattern: ORG_CODE, message: t('org.codeRule') }]}
      >
        <Input placeholder={t('org.codePlaceholder')} maxLength={40} />
      </Form.Item>
    </>
  );
}
