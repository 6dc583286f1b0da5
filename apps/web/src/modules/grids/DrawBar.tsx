import { Alert, Button, Space, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../lib/error-message';
import { boundaryErrorLines } from './boundary-reasons';

interface Props {
  gridName: string;
  count: number;
  saving: boolean;
  error: unknown;
  onUndo: () => void;
  onFinish: () => void;
  onCancel: () => void;
  onReload: () => void;
  reloading: boolean;
}

/** The draw mode's controls above the map, and the server's verdict when it refuses the boundary. */
export function DrawBar(props: Props) {
  const { t } = useTranslation();
  const { count, error } = props;
  const stale = isStaleVersion(error);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="draw-bar">
      <Alert
        type="info"
        showIcon
        title={t('grid.draw.title', { name: props.gridName })}
        description={
          <>
            <div>{t('grid.draw.hint')}</div>
            <Typography.Text strong data-testid="draw-count">
              {t('grid.draw.count', { count })}
            </Typography.Text>
            {count > 0 && count < 3 && (
              <Typography.Text type="secondary"> · {t('grid.draw.needThree')}</Typography.Text>
            )}
          </>
        }
        action={
          <Space wrap>
            <Button
              icon={<UndoOutlined />}
              onClick={props.onUndo}
              disabled={count === 0 || props.saving}
              data-testid="draw-undo"
            >
              {t('grid.draw.undo')}
            </Button>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={props.onFinish}
              disabled={count < 3 || stale}
              loading={props.saving}
              data-testid="draw-finish"
            >
              {t('grid.draw.finish')}
            </Button>
            <Button
              icon={<CloseOutlined />}
              onClick={props.onCancel}
              disabled={props.saving}
              data-testid="draw-cancel"
            >
              {t('grid.draw.cancel')}
            </Button>
          </Space>
        }
      />
      {error !== null && error !== undefined && (
        <Alert
          type={stale ? 'warning' : 'error'}
          showIcon
          title={stale ? t('grid.draw.stale') : t('grid.draw.refused')}
          description={
            stale ? undefined : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {boundaryErrorLines(t, error).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )
          }
          action={
            stale ? (
              <Button
                size="small"
                onClick={props.onReload}
                loading={props.reloading}
                data-testid="draw-reload"
              >
                {t('common.reload')}
              </Button>
            ) : undefined
          }
          data-testid="draw-error"
        />
      )}
    </Space>
  );
}
