import type { petitionWorkZh } from './messages-work';
import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/auth';
import { BookingPetitionModal } from './BookingPetitionModal';
import { PlanDayModal } from './PlanDayModal';
import {
  useBookings,
  useReceptionDays,
  workApi,
  workKeys,
  type Booking,
  type ReceptionDay,
} from './work-api';

/** 领导接访日: the days planned (with places booked per slot), and the chosen day's bookings for the desk. */
export default function ReceptionDaysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canPlan = useCan('petition.leader');
  const canDesk = useCan('petition.register');
  const days = useReceptionDays();
  const [chosen, setChosen] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const [registering, setRegistering] = useState<Booking | null>(null);
  const bookings = useBookings(canDesk ? chosen : null);
  const w = (k: keyof typeof petitionWorkZh.reception) => t(`petitionWork.reception.${k}`);

  const cancel = async (d: ReceptionDay) => {
    await workApi.cancelDay(d.id, d.version);
    void queryClient.invalidateQueries({ queryKey: workKeys.days });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="reception-days">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {w('title')}
        </Typography.Title>
        {canPlan && (
          <Button type="primary" onClick={() => setPlanning(true)} data-testid="reception-plan">
            {w('plan')}
          </Button>
        )}
      </Space>
      <Card>
        <Table<ReceptionDay>
          rowKey="id"
          size="small"
          loading={days.isPending}
          dataSource={days.data?.items ?? []}
          locale={{ emptyText: <Empty description={w('empty')} /> }}
          pagination={false}
          rowClassName={(d) => (d.id === chosen ? 'ant-table-row-selected' : '')}
          onRow={(d) => ({ onClick: () => setChosen(d.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: w('day'),
              dataIndex: 'day',
              render: (v: string) => <span data-testid="reception-day">{v}</span>,
            },
            { title: w('time'), key: 'time', render: (_, d) => `${d.fromTime}–${d.toTime}` },
            { title: w('leader'), dataIndex: 'leaderName' },
            { title: w('place'), dataIndex: 'place' },
            { title: w('topic'), dataIndex: 'topic' },
            {
              title: w('bookings'),
              key: 'booked',
              render: (_, d) =>
                t('petitionWork.reception.booked', {
                  booked: d.booked,
                  capacity: d.slotCapacity * d.slots.length,
                }),
            },
            {
              title: w('status'),
              key: 'status',
              render: (_, d) => (
                <Tag color={d.status === 'published' ? 'green' : 'default'}>
                  {t(`petitionWork.dayStatus.${d.status as keyof typeof petitionWorkZh.dayStatus}`)}
                </Tag>
              ),
            },
            {
              title: '',
              key: 'act',
              render: (_, d) =>
                canPlan && d.status === 'published' ? (
                  <Button
                    size="small"
                    danger
                    onClick={(e) => {
                      e.stopPropagation();
                      void cancel(d);
                    }}
                  >
                    {w('cancel')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {chosen && canDesk && (
        <Card
          title={`${w('bookings')} · ${bookings.data?.day.day ?? ''} ${bookings.data?.day.leaderName ?? ''}`}
        >
          <Table<Booking>
            rowKey="id"
            size="small"
            loading={bookings.isPending}
            dataSource={bookings.data?.items ?? []}
            locale={{ emptyText: <Empty description={w('noBookings')} /> }}
            pagination={false}
            data-testid="reception-bookings"
            columns={[
              { title: w('slot'), dataIndex: 'slot' },
              { title: w('name'), dataIndex: 'name' },
              { title: w('phone'), dataIndex: 'phone' },
              { title: w('summary'), dataIndex: 'summary', ellipsis: true },
              {
                title: '',
                key: 'act',
                render: (_, b) =>
                  b.petitionId ? (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => void navigate(`/petitions/${b.petitionId}`)}
                    >
                      {w('registered')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => setRegistering(b)} data-testid="booking-register">
                      {w('register')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {planning && <PlanDayModal onClose={() => setPlanning(false)} />}
      {registering && chosen && (
        <BookingPetitionModal dayId={chosen} booking={registering} onClose={() => setRegistering(null)} />
      )}
    </Space>
  );
}
