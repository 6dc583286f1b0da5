import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Grid, Input, Radio, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { PHONE_PATTERN } from '../users/user-api';
import { caseApi, caseKeys, useCategories } from './case-api';
import { taskKeys } from '../home/tasks-api';
import { CHANNELS, type Duplicate, type IntakeBody } from './case-types';
import { newIdempotencyKey } from '../../lib/send-raw';
import { DuplicatesModal } from './DuplicatesModal';
import { applyIntakeErrors, formFieldOf, type IntakeValues } from './intake-form';
import { CategoryTreeSelect, findCategory } from './CategoryTreeSelect';
import { LocationPicker } from './LocationPicker';
import { PhotoUploader, photoIds, photosUploading } from '../../kit/PhotoUploader';

interface Created {
  id: string;
  number: string;
  duplicates: Duplicate[];
}

export default function CaseIntakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const wide = Grid.useBreakpoint().lg !== false;
  const [form] = Form.useForm<IntakeValues>();
  // One key per filled-in form: a double click, or a retry after a lost answer, makes one case.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [created, setCreated] = useState<Created | null>(null);
  // A double click runs onFinish twice before React re-renders the button as loading: send once.
  const sending = useRef(false);
  const categories = useCategories();
  const categoryId = Form.useWatch('categoryId', form);
  const category = findCategory(categories.data, categoryId);

  const submit = useMutation({
    mutationFn: (values: IntakeValues) => {
      const name = values.reporterName?.trim();
      const phone = values.reporterPhone?.trim();
      const address = values.address?.trim();
      const ids = photoIds(values.photos);
      const body: IntakeBody = {
        channel: values.channel,
        title: values.title.trim(),
        categoryId: values.categoryId,
        urgency: values.urgency,
        ...(values.description?.trim() ? { description: values.description.trim() } : {}),
        ...(values.location
          ? {
              location: {
                lng: values.location.lng,
                lat: values.location.lat,
                ...(address ? { address } : {}),
              },
            }
          : {}),
        ...(name || phone ? { reporter: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
        ...(ids.length ? { attachmentIds: ids } : {}),
      };
      return caseApi.create(body, idempotencyKey);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all }); // 我的待办 counts
      void message.success(t('case.intake.created', { number: saved.number }));
      if (saved.possibleDuplicates?.length) {
        setCreated({ id: saved.id, number: saved.number, duplicates: saved.possibleDuplicates });
      } else {
        void navigate(`/cases/${saved.id}`);
      }
    },
    onError: (error) => applyIntakeErrors(form, error),
  });

  const onFinish = (values: IntakeValues) => {
    if (sending.current || created) return;
    if (photosUploading(values.photos)) {
      void message.warning(t('case.intake.stillUploading'));
      return;
    }
    sending.current = true;
    submit.mutate(values, { onSettled: () => (sending.current = false) });
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const explained =
    isApiError(submit.error) &&
    submit.error.fields.length > 0 &&
    submit.error.fields.every((f) => formFieldOf(f.path) !== null);

  return (
    <Card title={t('case.intake.title')} data-testid="case-intake">
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={{ urgency: 'normal', photos: [] }}
        onFinish={onFinish}
        scrollToFirstError
        data-testid="intake-form"
      >
        {submit.isError && !explained && (
          <Alert type="error" showIcon title={errorMessage(t, submit.error)} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Row gutter={16}>
              <Col xs={24} sm={14}>
                <Form.Item
                  name="channel"
                  label={t('case.field.channel')}
                  rules={[required(t('case.field.channel'))]}
                >
                  <Select
                    placeholder={t('case.intake.channelPlaceholder')}
                    options={CHANNELS.map((c) => ({ value: c, label: t(`case.channel.${c}`) }))}
                    data-testid="intake-channel"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={10}>
                <Form.Item name="urgency" label={t('case.field.urgency')}>
                  <Radio.Group optionType="button" data-testid="intake-urgency">
                    <Radio.Button value="normal">{t('case.urgency.normal')}</Radio.Button>
                    <Radio.Button value="urgent">{t('case.urgency.urgent')}</Radio.Button>
                  </Radio.Group>
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="title"
              label={t('case.field.title')}
              rules={[{ ...required(t('case.field.title')), whitespace: true }, { max: 100 }]}
            >
              <Input
                maxLength={100}
                placeholder={t('case.intake.titlePlaceholder')}
                data-testid="intake-title"
              />
            </Form.Item>
            <Form.Item
              name="categoryId"
              label={t('case.field.category')}
              rules={[required(t('case.field.category'))]}
              extra={category?.photoRequired ? t('case.intake.photoRequiredHint') : undefined}
            >
              <CategoryTreeSelect
                leafOnly
                showRecent
                placeholder={t('case.intake.categoryPlaceholder')}
                style={{ width: '100%' }}
                data-testid="intake-category"
              />
            </Form.Item>
            <Form.Item name="description" label={t('case.field.description')} rules={[{ max: 4000 }]}>
              <Input.TextArea
                rows={4}
                maxLength={4000}
                placeholder={t('case.intake.descriptionPlaceholder')}
                data-testid="intake-description"
              />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={10}>
                <Form.Item name="reporterName" label={t('case.field.reporterName')} rules={[{ max: 50 }]}>
                  <Input
                    maxLength={50}
                    placeholder={t('case.intake.reporterNamePlaceholder')}
                    autoComplete="off"
                    data-testid="intake-reporter-name"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={14}>
                <Form.Item
                  name="reporterPhone"
                  label={t('case.field.reporterPhone')}
                  rules={[{ pattern: PHONE_PATTERN, message: t('case.intake.phoneRule') }]}
                >
                  <Input
                    inputMode="tel"
                    maxLength={20}
                    placeholder={t('case.intake.reporterPhonePlaceholder')}
                    autoComplete="off"
                    data-testid="intake-reporter-phone"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="location" label={t('case.field.location')}>
              <LocationPicker mapHeight={wide ? 340 : 260} />
            </Form.Item>
            <Form.Item name="address" label={t('case.field.address')} rules={[{ max: 200 }]}>
              <Input
                maxLength={200}
                placeholder={t('case.intake.addressPlaceholder')}
                data-testid="intake-address"
              />
            </Form.Item>
            <Form.Item name="photos" label={t('case.field.photos')}>
              <PhotoUploader data-testid="intake-photos" />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={submit.isPending}
          disabled={!!created}
          block={!wide}
          data-testid="intake-submit"
        >
          {t('case.intake.submit')}
        </Button>
      </Form>

      {created && (
        <DuplicatesModal
          duplicates={created.duplicates}
          onOpen={() => void navigate(`/cases/${created.id}`)}
        />
      )}
    </Card>
  );
}
