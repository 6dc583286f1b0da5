import { App, Button, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { errorMessage } from '../../lib/error-message';
import { userKeys, userWrites, type User } from './user-api';

interface Props {
  user: User;
  onEdit: () => void;
  onResetPassword: () => void;
}

export function UserRowActions({ user, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const queryClient = useQueryClient();
  // The API refuses these on one's own account; the profile page is the place for one's own password.
  const self = user.id === me.user.id;

  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: userKeys.all });
    void message.success(text);
  };
  const failed = (error: unknown) => {
    void message.error(errorMessage(t, error));
    void queryClient.invalidateQueries({ queryKey: userKeys.all });
  };

  const setStatus = useMutation({
    mutationFn: (status: User['status']) => userWrites.setStatus(user, status),
    onSuccess: (updated) =>
      done(updated.status === 'disabled' ? t('user.disabledDone') : t('user.enabledDone')),
    onError: failed,
  });
  const unlock = useMutation({
    mutationFn: () => userWrites.unlock(user.id),
    onSuccess: () => done(t('user.unlockedDone')),
    onError: failed,
  });

  const resetFactor = useMutation({
    mutationFn: () => userWrites.resetSecondFactor(user.id),
    onSuccess: () => done(t('secondFactor.resetDone')),
    onError: failed,
  });

  const confirmProps = { okText: t('common.confirm'), cancelText: t('common.cancel') };

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit} data-testid={`user-edit-${user.username}`}>
        {t('common.edit')}
      </Button>
      {!self && (
        <Button
          type="link"
          size="small"
          onClick={onResetPassword}
          data-testid={`user-reset-${user.username}`}
        >
          {t('user.resetPassword')}
        </Button>
      )}
      {!self &&
        (user.status === 'active' ? (
          <Popconfirm
            {...confirmProps}
            title={t('user.disableConfirm', { name: user.displayName })}
            okButtonProps={{ danger: true }}
            onConfirm={() => setStatus.mutateAsync('disabled').catch(() => undefined)}
          >
            <Button type="link" size="small" danger loading={setStatus.isPending}>
              {t('user.disable')}
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            {...confirmProps}
            title={t('user.enableConfirm', { name: user.displayName })}
            onConfirm={() => setStatus.mutateAsync('active').catch(() => undefined)}
          >
            <Button type="link" size="small" loading={setStatus.isPending}>
              {t('user.enable')}
            </Button>
          </Popconfirm>
        ))}
      {!self && can('user.second_factor.reset') && (
        <Popconfirm
          {...confirmProps}
          title={t('secondFactor.resetConfirm', { name: user.displayName })}
          okButtonProps={{ danger: true }}
          onConfirm={() => resetFactor.mutateAsync().catch(() => undefined)}
        >
          <Button
            type="link"
            size="small"
            loading={resetFactor.isPending}
            data-testid={`user-reset-2fa-${user.username}`}
          >
            {t('secondFactor.reset')}
          </Button>
        </Popconfirm>
      )}
      {user.locked && (
        <Popconfirm
          {...confirmProps}
          title={t('user.unlockConfirm', { name: user.displayName })}
          onConfirm={() => unlock.mutateAsync().catch(() => undefined)}
        >
          <Button
            type="link"
            size="small"
            loading={unlock.isPending}
            data-testid={`user-unlock-${user.username}`}
          >
            {t('user.unlock')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
