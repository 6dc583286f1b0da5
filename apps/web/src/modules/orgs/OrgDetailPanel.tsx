import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Empty, Popconfirm, Skeleton, Space, Tag } from 'antd';
import {
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { OrgLevelTag } from '../../components/OrgLevelTag';
import { QueryError } from '../../components/QueryError';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { findNode, orgKeys, orgWrites, useOrg, useOrgTree, type Org } from './org-api';
import { OrgCreateModal } from './OrgCreateModal';
import { OrgEditModal } from './OrgEditModal';
import { OrgMoveModal } from './OrgMoveModal';

type Dialog = 'create' | 'edit' | 'move' | null;

interface Props {
  orgId: string | null;
  onSelect: (id: string | null) => void;
}

export function OrgDetailPanel({ orgId, onSelect }: Props) {
  const { t } = useTranslation();
  const org = useOrg(orgId);

  if (!orgId) {
    return (
      <Card>
        <Empty description={t('org.selectHint')} data-testid="org-empty" />
      </Card>
    );
  }
  if (org.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (org.isError) {
    return (
      <Card>
        <QueryError error={org.error} onRetry={() => void org.refetch()} />
      </Card>
    );
  }
  return <OrgDetail org={org.data} onSelect={onSelect} />;
}

function OrgDetail({ org, onSelect }: { org: Org; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = useCan('org.manage');
  const [dialog, setDialog] = useState<Dialog>(null);
  const tree = useOrgTree(true);
  // The top of the caller's own subtree can be neither moved nor disabled by them (the API refuses too).
  const isScopeRoot = org.parentId === null || (tree.data ?? []).some((root) => root.id === org.id);
  const inScope = (id: string) => (tree.data ? findNode(tree.data, id) !== undefined : false);

  const toggle = useMutation({
    mutationFn: () => orgWrites.setDisabled(org.id, !org.disabled, org.version),
    onSuccess: (updated) => {
      queryClient.setQueryData(orgKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void message.success(updated.disabled ? t('org.disabledDone') : t('org.enabledDone'));
    },
    onError: (error) => {
      void message.error(errorMessage(t, error));
      // A stale version means our copy is old: fetch the current one so the next try can succeed.
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: orgKeys.detail(org.id) });
    },
  });

  // The API's path runs from the top of the tree down to the unit itself, including ancestors above the caller's
  // own subtree: those are shown for orientation but are not links, as opening them would answer 404.
  const trail = org.path.at(-1)?.id === org.id ? org.path : [...org.path, { id: org.id, name: org.name }];

  const actions = canManage ? (
    <Space wrap>
      <Button
        icon={<PlusOutlined />}
        onClick={() => setDialog('create')}
        disabled={org.disabled}
        data-testid="org-add-child"
      >
        {t('org.addChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="org-rename">
        {t('org.rename')}
      </Button>
      <Button
        icon={<DragOutlined />}
        onClick={() => setDialog('move')}
        disabled={isScopeRoot}
        data-testid="org-move"
      >
        {t('org.move')}
      </Button>
      <Popconfirm
        title={
          org.disabled
            ? t('org.enableConfirm', { name: org.name })
            : t('org.disableConfirm', { name: org.name })
        }
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: !org.disabled }}
        onConfirm={() => toggle.mutateAsync().catch(() => undefined)}
      >
        <Button
          danger={!org.disabled}
          icon={org.disabled ? <CheckCircleOutlined /> : <StopOutlined />}
          loading={toggle.isPending}
          disabled={isScopeRoot && !org.disabled}
          data-testid="org-toggle"
        >
          {org.disabled ? t('org.enable') : t('org.disable')}
        </Button>
      </Popconfirm>
    </Space>
  ) : null;

  return (
    <Card
      title={
        <Space size={8} wrap>
          <span data-testid="org-detail-name">{org.name}</span>
          <OrgLevelTag level={org.level} />
          {org.disabled && <Tag>{t('org.disabledTag')}</Tag>}
        </Space>
      }
      data-testid="org-detail"
    >
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={trail.map((step, index) =>
          index === trail.length - 1 || !inScope(step.id)
            ? { key: step.id, title: step.name }
            : {
                key: step.id,
                title: (
                  <a
                    href={`?id=${encodeURIComponent(step.id)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onSelect(step.id);
                    }}
                  >
                    {step.name}
                  </a>
                ),
              },
        )}
        data-testid="org-breadcrumb"
      />
      {actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }}>
        <Descriptions.Item label={t('org.name')}>{org.name}</Descriptions.Item>
        <Descriptions.Item label={t('org.code')}>{org.code || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.level')}>
          <OrgLevelTag level={org.level} />
        </Descriptions.Item>
        <Descriptions.Item label={t('org.status')}>
          {org.disabled ? (
            <Tag>{t('common.disabled')}</Tag>
          ) : (
            <Tag color="success">{t('common.enabled')}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.childCount')}>{org.childCount}</Descriptions.Item>
        <Descriptions.Item label={t('org.version')}>{org.version}</Descriptions.Item>
        <Descriptions.Item label={t('org.createdAt')}>{formatTime(org.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('org.updatedAt')}>{formatTime(org.updatedAt)}</Descriptions.Item>
      </Descriptions>

      {dialog === 'create' && (
        <OrgCreateModal
          parent={org}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            setDialog(null);
            onSelect(created.id);
          }}
        />
      )}
      {dialog === 'edit' && <OrgEditModal org={org} onClose={() => setDialog(null)} />}
      {dialog === 'move' && <OrgMoveModal org={org} onClose={() => setDialog(null)} />}
    </Card>
  );
}
