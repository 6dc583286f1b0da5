import { useEffect } from 'react';
import { App, Form, Input, Modal, Select, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  IMPLAUSIBLE_AGE,
  citizenIdAgeImplausible,
  citizenIdInfo,
  citizenIdProblem,
} from '@civicgrid/shared/validators';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { useLang } from '../../lib/use-lang';
import { useSavePerson, useTags, type PersonDetail } from './registry-api';

const FIELDS = [
  'name',
  'idType',
  'idNumber',
  'residenceType',
  'phone',
  'sex',
  'birthDate',
  'ethnicity',
  'nationality',
  'householdAddress',
  'address',
  'tags',
  'note',
] as const;

/** Register or edit a person; a citizen ID is checked as it is typed and shows the birth date and sex it holds. */
export function PersonFormModal({
  open,
  person,
  onClose,
}: {
  open: boolean;
  person?: PersonDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const save = useSavePerson(person?.id);
  const tags = useTags();
  const residenceType = Form.useWatch('residenceType', form) as string | undefined;
  const idNumber = ((Form.useWatch('idNumber', form) as string | undefined) ?? '').trim().toUpperCase();
  const citizen = !person && residenceType !== 'overseas';
  const idProblem = citizen && idNumber.length >= 18 ? citizenIdProblem(idNumber) : null;
  const idInfo = citizen && idNumber.length === 18 && !idProblem ? citizenIdInfo(idNumber) : null;
  // A valid number of someone older than any living person is accepted (GB 11643 allows it) but questioned.
  const idOld = !!idInfo && citizenIdAgeImplausible(idNumber);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (person) form.setFieldsValue({ ...person, tags: person.tags });
    else form.setFieldsValue({ residenceType: 'registered' });
  }, [open, person, form]);

  const onOk = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    if (person) {
      delete body.idNumber;
      delete body.idType;
      body.version = person.version;
    }
    try {
      const saved = await save.mutateAsync(body);
      void message.success(t('registry.persons.saved'));
      onClose();
      if (!person) void navigate(`/persons/${saved.id}`);
    } catch (error) {
      if (isApiError(error) && error.code === 'DUPLICATE') {
        const existingId = String(error.details.existingId ?? '');
        modal.confirm({
          title: t('registry.persons.duplicate'),
          okText: t('registry.persons.openExisting'),
          onOk: () => {
            onClose();
            void navigate(`/persons/${existingId}`);
          },
        });
        return;
      }
      if (isStaleVersion(error)) return void message.error(t('registry.persons.stale'));
      if (!applyFieldErrors(form, FIELDS, error)) void message.error(errorMessage(t, error));
    }
  };

  const f = (k: (typeof FIELDS)[number]) => t(`registry.field.${k}`);
  return (
    <Modal
      open={open}
      title={person ? t('registry.persons.edit') : t('registry.persons.create')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={save.isPending}
          onClick={() => void onOk()}
          data-testid="person-save"
        >
          {t('common.save')}
        </Button>,
      ]}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="person-form">
        <Form.Item
          name="name"
          label={f('name')}
          rules={[{ required: true, message: t('common.required', { field: f('name') }) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="residenceType" label={f('residenceType')} rules={[{ required: true }]}>
          <Select
            disabled={!!person && person.idType !== 'citizen_id'}
            options={(['registered', 'floating', 'overseas'] as const).map((v) => ({
              value: v,
              label: t(`registry.residenceType.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={citizen ? t('registry.idType.citizen_id') : f('idNumber')}
          rules={[{ required: !person, message: t('common.required', { field: f('idNumber') }) }]}
          validateStatus={idProblem ? 'error' : idOld ? 'warning' : idInfo ? 'success' : undefined}
          help={
            (idProblem && t(`registry.reason.${idProblem}`)) ??
            (idOld && idInfo
              ? t('registry.persons.idOld', { birthDate: idInfo.birthDate, age: IMPLAUSIBLE_AGE })
              : undefined) ??
            (idInfo
              ? t('registry.persons.idOk', {
                  birthDate: idInfo.birthDate,
                  sex: t(`registry.sex.${idInfo.sex}`),
                })
              : undefined)
          }
        >
          <Input disabled={!!person} maxLength={20} data-testid="person-id-number" />
        </Form.Item>
        {!citizen && !person && (
          <>
            <Form.Item name="sex" label={f('sex')}>
              <Select
                allowClear
                options={(['male', 'female'] as const).map((v) => ({
                  value: v,
                  label: t(`registry.sex.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="birthDate" label={f('birthDate')}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
          </>
        )}
        <Form.Item name="phone" label={f('phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="tags" label={f('tags')}>
          <Select
            mode="multiple"
            options={(tags.data ?? [])
              .filter((x) => !x.disabled)
              .map((x) => ({ value: x.code, label: lang === 'en' ? (x.nameEn ?? x.name) : x.name }))}
          />
        </Form.Item>
        <Form.Item name="ethnicity" label={f('ethnicity')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="householdAddress" label={f('householdAddress')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="address" label={f('address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
