import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardState } from '@civicgrid/shared/returns';

export const STATE_COLOUR: Record<BoardState, string> = {
  submitted: 'green',
  zero: 'cyan',
  late: 'orange',
  missing: 'red',
  open: 'default',
};

export function BoardStateTag({ state }: { state: BoardState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOUR[state]} data-testid="return-state">
      {t(`returns.state.${state}`)}
    </Tag>
  );
}
