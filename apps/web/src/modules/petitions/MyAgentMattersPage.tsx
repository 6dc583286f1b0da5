import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PETITION_CATEGORIES } from '@civicgrid/shared/petitions';
import { AGENT_MATTER_KINDS, AGENT_RATINGS } from '@civicgrid/shared/petitions-work';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { MatterStatus } from './AgentNetworkPage';
import { post, useMyAgent, type AgentMatter } from './cases-api';

type Step = 'take' | 'register' | 'close' | 'step';

/** One dialog for the four things an agent does from the phone: take, register as petition, note, close. */
function MatterModal({
  step,
  m,
  onClose,
}: {
  step: Step;
  m: AgentMatter | null;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [key] = useState(() => crypto.randomUUID());
  const w = (k: 'client' | 'summary' | 'kind' | 'idNumber' | 'category' | 'demands' | 'result' | 'rating') =>
    t(`petitionCases.mine.${k}`);
  const submit = async (v: Record<string, string>) => {
    try {
      if (step === 'take') await post('/api/petitions/agent-matters', v, key);
      else if (step === 'register')
        await post(
          `/api/petitions/agent-matters/${m!.id}/petition`,
          {
            version: m!.version,
            channel: 'visit',
            class: 'appeal',
            category: v.category,
            summary: m!.summary ?? v.demands,
            demands: v.demands,
            petitioner: { name: m!.clientName, idNumber: v.idNumber },
          },
          key,
        );
      else if (step === 'close')
        await post(`/api/petitions/agent-matters/${m!.id}/close`, { version: m!.version, ...v });
      else await post(`/api/petitions/agent-matters/${m!.id}/steps`, { version: m!.version, text: v.text });
      void message.success(t('petitionCases.mine.saved'));
      onClose(true);
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };
  const title = { take: 'take', register: 'register', close: 'close', step: 'step' } as const;
  return (
    <Modal
      open
      title={t(`petitionCases.mine.${title[step]}`)}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'matter-ok' } as Record<string, string>}
      width={360}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {step === 'take' && (
          <>
            <Form.Item name="kind" label={w('kind')} initialValue="petition" rules={[{ required: true }]}>
              <Select
                options={AGENT_MATTER_KINDS.map((k) => ({
                  value: k,
                  label: t(`petitionWork.agent.matterKinds.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="clientName" label={w('client')} rules={[{ required: true, max: 40 }]}>
              <Input data-testid="matter-client" />
            </Form.Item>
            <Form.Item name="summary" label={w('summary')} rules={[{ required: true, max: 500 }]}>
              <Input.TextArea rows={3} data-testid="matter-summary" />
            </Form.Item>
          </>
        )}
        {step === 'register' && (
          <>
            <Form.Item name="idNumber" label={w('idNumber')} rules={[{ required: true, max: 40 }]}>
              <Input data-testid="matter-id-number" />
            </Form.Item>
            <Form.Item
              name="category"
              label={w('category')}
              initialValue="urban"
              rules={[{ required: true }]}
            >
              <Select
                options={PETITION_CATEGORIES.map((c) => ({ value: c, label: t(`petition.category.${c}`) }))}
              />
            </Form.Item>
            <Form.Item name="demands" label={w('demands')} rules={[{ required: true, max: 4000 }]}>
              <Input.TextArea rows={3} data-testid="matter-demands" />
            </Form.Item>
          </>
        )}
        {step === 'close' && (
          <>
            <Form.Item name="result" label={w('result')} rules={[{ required: true, max: 1000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="rating" label={w('rating')}>
              <Select
                options={AGENT_RATINGS.map((r) => ({
                  value: r,
                  label: t(`petitionWork.agent.ratings.${r}`),
                }))}
              />
            </Form.Item>
          </>
        )}
        {step === 'step' && (
          <Form.Item name="text" label={t('petitionCases.mine.step')} rules={[{ required: true, max: 1000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 我代理的: the agent's phone view of their matters, newest first, with the next step on each card. */
export default function MyAgentMattersPage() {
  const { t } = useTranslation();
  const me = useMyAgent();
  const queryClient = useQueryClient();
  const key = ['petitions', 'agent-matters', 'mine'];
  const list = useQuery({
    queryKey: key,
    queryFn: () =>
      api<{ items: AgentMatter[]; total?: number }>('/api/petitions/agent-matters', {
        query: { mine: 'true', limit: 50 },
      }),
  });
  const [modal, setModal] = useState<{ step: Step; m: AgentMatter | null } | null>(null);
  const agent = me.data?.agent;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }} data-testid="my-agent-matters">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('petitionCases.mine.title')} {list.data?.total !== undefined && `（${list.data.total}）`}
        </Typography.Title>
        {agent ? (
          <Typography.Text type="secondary">
            {agent.name} · {agent.stationName}
            {agent.area ? ` · ${agent.area}` : ''}
          </Typography.Text>
        ) : (
          me.isSuccess && <Typography.Text type="warning">{t('petitionCases.mine.notAgent')}</Typography.Text>
        )}
        {agent && (
          <Button
            type="primary"
            block
            size="large"
            style={{ marginTop: 8 }}
            onClick={() => setModal({ step: 'take', m: null })}
            data-testid="matter-take"
          >
            {t('petitionCases.mine.take')}
          </Button>
        )}
      </Card>
      {list.data?.items.length === 0 && <Empty description={t('petitionCases.mine.empty')} />}
      {list.data?.items.map((m) => (
        <Card key={m.id} size="small" style={{ marginBottom: 8 }} data-testid="matter-card">
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{m.clientName}</Typography.Text>
              <Typography.Text type="secondary">
                {t(`petitionWork.agent.matterKinds.${m.kind as 'errand'}`)}
              </Typography.Text>
              <MatterStatus m={m} />
            </Space>
            <Typography.Text>{m.summary}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(m.acceptedAt, 'YYYY-MM-DD')}
              {m.result ? ` · ${m.result}` : ''}
            </Typography.Text>
            {m.petitionId && (
              <Link to={`/petitions/${m.petitionId}`} data-testid="matter-petition">
                {t('petitionCases.mine.registered', { number: m.petitionNumber })}
              </Link>
            )}
            {m.status === 'open' && (
              <Space wrap>
                <Button size="small" onClick={() => setModal({ step: 'step', m })}>
                  {t('petitionCases.mine.step')}
                </Button>
                {!m.petitionId && (
                  <Button
                    size="small"
                    onClick={() => setModal({ step: 'register', m })}
                    data-testid="matter-register"
                  >
                    {t('petitionCases.mine.register')}
                  </Button>
                )}
                <Button size="small" type="primary" ghost onClick={() => setModal({ step: 'close', m })}>
                  {t('petitionCases.mine.close')}
                </Button>
              </Space>
            )}
          </Space>
        </Card>
      ))}
      {modal && (
        <MatterModal
          step={modal.step}
          m={modal.m}
          onClose={(done) => {
            setModal(null);
            if (done) void queryClient.invalidateQueries({ queryKey: ['petitions', 'agent-matters'] });
          }}
        />
      )}
    </div>
  );
}
