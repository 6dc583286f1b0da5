import { useCallback, useMemo, useState } from 'react';
import { App, Alert, Button, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { levelPlacementError } from '@civicgrid/shared/orgs';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { errorMessage, isStaleVersion } from '../../lib/error-message';
import { findNode, orgKeys, orgWrites, useOrgTree, type Org, type OrgTreeNode } from './org-api';
import { subtreeIds } from './tree-search';

export function OrgMoveModal({ org, onClose }: { org: Org; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tree = useOrgTree(true);
  const [parentId, setParentId] = useState<string | undefined>();

  // A unit cannot go under itself or its own descendants, nor under a level that may not hold it.
  const own = useMemo(() => {
    const node = tree.data ? findNode(tree.data, org.id) : undefined;
    return node ? subtreeIds(node) : new Set([org.id]);
  }, [tree.data, org.id]);
  const isSelectable = useCallback(
    (node: OrgTreeNode) =>
      !own.has(node.id) && node.id !== org.parentId && levelPlacementError(node.level, org.level) === null,
    [own, org.parentId, org.level],
  );

  const move = useMutation({
    mutationFn: (target: string) => orgWrites.move(org.id, { parentId: target, version: org.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(orgKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void message.success(t('org.moved'));
      onClose();
    },
  });

  const stale = isStaleVersion(move.error);

  return (
    <Modal
      open
      title={t('org.moveTitle', { name: org.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => parentId && move.mutate(parentId)}
      okButtonProps={{ disabled: !parentId || stale }}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      {move.isError && (
        <Alert
          type={stale ? 'warning' : 'error'}
          showIcon
          title={errorMessage(t, move.error)}
          action={
            stale ? (
              <Button
                size="small"
                onClick={() => {
                  void queryClient.invalidateQueries({ queryKey: orgKeys.detail(org.id) });
                  move.reset();
                }}
              >
                {t('common.reload')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t('org.newParent')} required htmlFor="org-move-parent">
          <OrgTreeSelect
            id="org-move-parent"
            value={parentId}
            onChange={setParentId}
            isSelectable={isSelectable}
            placeholder={t('org.newParentPlaceholder')}
            style={{ width: '100%' }}
            data-testid="org-move-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
