import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../kit/FormModal';
import { formatTime } from '../../lib/time';
import { useRecordRequest, type RequestKind } from './subject-request-api';

/** On a person's page: the resident's request to see, correct or delete their data, recorded with its due day. */
export function RecordRequestModal({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordRequest(personId);
  const navigate = useNavigate();
  return (
    <FormModal<{ kind: RequestKind; detail: string }>
      title={t('subjectRequest.recordTitle')}
      fields={['kind', 'detail']}
      initialValues={{ kind: 'access' }}
      onClose={onClose}
      testId="subject-request-record-modal"
      onSubmit={async (v) => {
        const r = await record.mutateAsync(v);
        void message.success(t('subjectRequest.recorded', { due: formatTime(r.dueAt, 'YYYY-MM-DD') }));
        navigate(`/subject-requests?open=${r.id}`);
      }}
    >
      <Form.Item name="kind" label={t('subjectRequest.field.kind')} rules={[{ required: true }]}>
        <Select
          data-testid="subject-request-kind"
          options={(['access', 'correction', 'deletion'] as const).map((k) => ({
            value: k,
            label: t(`subjectRequest.kind.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="detail"
        label={t('subjectRequest.field.detail')}
        extra={t('subjectRequest.detailHint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="subject-request-detail" />
      </Form.Item>
    </FormModal>
  );
}
