import {
  AlertOutlined,
  BankOutlined,
  BuildOutlined,
  BulbOutlined,
  CarOutlined,
  ClearOutlined,
  CloudOutlined,
  DeleteOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FireOutlined,
  HomeOutlined,
  QuestionCircleOutlined,
  SafetyOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SoundOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

// Icon keys come from the API (public category labels); an unknown key shows the generic icon.
const ICONS: Record<string, ComponentType<{ style?: React.CSSProperties }>> = {
  manhole: AlertOutlined,
  light: BulbOutlined,
  sign: WarningOutlined,
  railing: SafetyOutlined,
  bin: DeleteOutlined,
  toilet: ExperimentOutlined,
  rubbish: DeleteOutlined,
  broom: ClearOutlined,
  flyer: FileTextOutlined,
  vendor: ShoppingCartOutlined,
  shop: ShopOutlined,
  car: CarOutlined,
  build: BuildOutlined,
  noise: SoundOutlined,
  smoke: CloudOutlined,
  water: CloudOutlined,
  home: HomeOutlined,
  fire: FireOutlined,
  house: BankOutlined,
};

export function CategoryIcon({ icon, size = 24 }: { icon: string; size?: number }) {
  const Icon = ICONS[icon] ?? QuestionCircleOutlined;
  return <Icon style={{ fontSize: size }} />;
}
