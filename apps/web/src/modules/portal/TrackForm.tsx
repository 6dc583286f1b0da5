import { useState } from 'react';
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { cleanTrackingCode } from './portal-api';

export function TrackForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  return (
    <div>
      <Input.Search
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setInvalid(false);
        }}
        onSearch={(v) => {
          const code = cleanTrackingCode(v);
          setInvalid(!code);
          if (code) void navigate(`/public/track/${code}`);
        }}
        placeholder={t('publicSide.portal.home.followPlaceholder')}
        enterButton={t('publicSide.portal.home.follow')}
        size="large"
        status={invalid ? 'error' : undefined}
        aria-label={t('publicSide.portal.home.followTitle')}
        data-testid="portal-track-input"
        autoCapitalize="characters"
      />
      {invalid && (
        <Typography.Text type="danger">{t('publicSide.portal.home.followInvalid')}</Typography.Text>
      )}
    </div>
  );
}
