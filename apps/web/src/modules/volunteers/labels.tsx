import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const CERT_COLOUR = { valid: 'green', expiring: 'orange', expired: 'red', none: 'default' } as const;

/** 持证上岗 at a glance: green valid, orange within 30 days, red expired. */
export function CertTag({ state }: { state: keyof typeof CERT_COLOUR }) {
  const { t } = useTranslation();
  return (
    <Tag color={CERT_COLOUR[state]} data-testid="cert-state">
      {t(`volunteers.certStates.${state}`)}
    </Tag>
  );
}

export function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string, subtype?: string | null) =>
    `${t(`volunteers.kinds.${kind as 'community'}`)}${subtype ? ` · ${t(`volunteers.subtypes.${subtype as 'other'}`)}` : ''}`;
}
