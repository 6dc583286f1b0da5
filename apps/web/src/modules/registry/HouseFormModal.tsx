import { lazy, Suspense } from 'react';
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../kit/FormModal';
import { PageLoading } from '../../components/PageLoading';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { useSaveHouse, type HouseDetail, type HouseInput, type HouseUse } from './registry-api';

// The picker carries Leaflet: the house list loads it only when the form opens.
const LocationPicker = lazy(() =>
  import('../cases/LocationPicker').then((m) => ({ default: m.LocationPicker })),
);

const USES = ['self_occupied', 'rental', 'vacant', 'commercial', 'dormitory'] as const;
const FIELDS = [
  'address',
  'building',
  'unit',
  'room',
  'use',
  'area',
  'ownerName',
  'ownerPhone',
  'note',
  'point',
] as const;

interface Values {
  address: string;
  building?: string;
  unit?: string;
  room?: string;
  use: HouseUse;
  area?: number | null;
  ownerName?: string;
  ownerPhone?: string;
  note?: string;
  point?: { lng: number; lat: number } | null;
}

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Register a house, or edit one: the point picked on the map (or typed) decides its grid on the server. */
export function HouseFormModal({
  house,
  onClose,
  onReload,
}: {
  house?: HouseDetail;
  onClose: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const save = useSaveHouse(house?.id);

  const onFinish = (v: Values) => {
    const body: Partial<HouseInput> = {
      address: v.address.trim(),
      building: blankToNull(v.building),
      unit: blankToNull(v.unit),
      room: blankToNull(v.room),
      use: v.use,
      area: v.area ?? null,
      ownerName: blankToNull(v.ownerName),
      ownerPhone: blankToNull(v.ownerPhone),
      note: blankToNull(v.note),
      // An unchanged point is left out of an edit, so the house is not re-placed for nothing.
      ...(v.point && (v.point.lng !== house?.lng || v.point.lat !== house?.lat)
        ? { lng: v.point.lng, lat: v.point.lat }
        : {}),
      ...(house ? { version: house.version } : {}),
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        void message.success(t('registry.houses.saved'));
        onClose();
        if (!house) void navigate(`/houses/${saved.id}`);
      },
      onError: (error) => {
        applyFieldErrors(form, FIELDS, error);
        // The API names lng or lat; both are the one point control here.
        const pointErrors = isApiError(error)
          ? error.fields.filter((f) => /^(body[./])?(lng|lat)$/.test(f.path)).map((f) => f.message)
          : [];
        if (pointErrors.length) form.setFields([{ name: 'point', errors: pointErrors }]);
      },
    });
  };

  const f = (k: string) => t(`registry.field.${k}` as 'registry.field.address');
  return (
    <FormModal<Values>
      title={house ? t('registry.house.edit') : t('registry.houses.create')}
      form={form}
      fields={[...FIELDS, 'lng', 'lat']}
      saving={save.isPending}
      error={save.error}
      onFinish={onFinish}
      onClose={onClose}
      onReload={
        onReload &&
        (() => {
          save.reset();
          onReload();
          onClose();
        })
      }
      initialValues={
        house
          ? {
              address: house.address,
              building: house.building ?? undefined,
              unit: house.unit ?? undefined,
              room: house.room ?? undefined,
              use: house.use,
              area: house.area,
              ownerName: house.ownerName ?? undefined,
              ownerPhone: house.ownerPhone ?? undefined,
              note: house.note ?? undefined,
              point: house.lng !== null && house.lat !== null ? { lng: house.lng, lat: house.lat } : null,
            }
          : { use: 'self_occupied' }
      }
      testId="house-form"
    >
      <Form.Item
        name="address"
        label={f('address')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('address') }) }]}
      >
        <Input maxLength={200} data-testid="house-address" />
      </Form.Item>
      <Row gutter={8}>
        {(['building', 'unit', 'room'] as const).map((k) => (
          <Col span={8} key={k}>
            <Form.Item name={k} label={f(k)}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="use" label={f('use')} rules={[{ required: true }]}>
            <Select
              options={USES.map((v) => ({ value: v, label: t(`registry.use.${v}`) }))}
              data-testid="house-use"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="area" label={f('area')}>
            <InputNumber min={0} max={100_000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="point"
        label={f('point')}
        extra={t('registry.house.pointHint')}
        rules={[{ required: true, message: t('registry.house.pointRequired') }]}
        data-testid="house-point"
      >
        <PointField />
      </Form.Item>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="ownerName" label={f('owner')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerPhone" label={f('ownerPhone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={f('note')}>
        <Input.TextArea maxLength={1000} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

function PointField(props: {
  value?: { lng: number; lat: number } | null;
  onChange?: (v: { lng: number; lat: number } | null) => void;
}) {
  return (
    <Suspense fallback={<PageLoading />}>
      <LocationPicker mapHeight={240} {...props} />
    </Suspense>
  );
}
