import { Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PETITION_CATEGORIES, PETITION_CLASSES } from '@civicgrid/shared/petitions';
import { FormModal } from '../../kit/FormModal';
import { workApi, workKeys, type Booking } from './work-api';

interface Values {
  class: string;
  category: string;
  summary: string;
  demands: string;
  idNumber: string;
  name: string;
}

/** A booking registered as a petition (走访): the booking's name, phone and matter carried over. */
export function BookingPetitionModal(p: { dayId: string; booking: Booking; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <FormModal<Values>
      title={t('petitionWork.reception.register')}
      fields={['class', 'category', 'summary', 'demands', 'petitioner.idNumber', 'petitioner.name']}
      initialValues={{ class: 'appeal', summary: p.booking.summary, name: p.booking.name }}
      onClose={p.onClose}
      testId="booking-petition"
      onSubmit={async ({ idNumber, name, ...v }) => {
        const r = await workApi.registerBooking(p.dayId, p.booking.id, {
          channel: 'visit',
          ...v,
          petitioner: { idNumber: idNumber.trim(), name, phone: p.booking.phone },
        });
        void queryClient.invalidateQueries({ queryKey: workKeys.bookings(p.dayId) });
        void queryClient.invalidateQueries({ queryKey: ['petitions'] });
        void navigate(`/petitions/${r.id}`);
      }}
    >
      <Form.Item name="idNumber" label={t('petition.desk.lookup')} rules={[{ required: true }]}>
        <Input maxLength={18} data-testid="booking-id-number" />
      </Form.Item>
      <Form.Item name="name" label={t('petition.desk.name')} rules={[{ required: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="class" label={t('petition.list.kind')} rules={[{ required: true }]}>
        <Select options={PETITION_CLASSES.map((c) => ({ value: c, label: t(`petition.class.${c}`) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('petition.list.category')} rules={[{ required: true }]}>
        <Select
          data-testid="booking-category"
          options={PETITION_CATEGORIES.map((c) => ({ value: c, label: t(`petition.category.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="summary" label={t('petition.list.summary')} rules={[{ required: true }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="demands" label={t('petition.page.demands')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="booking-demands" />
      </Form.Item>
    </FormModal>
  );
}
