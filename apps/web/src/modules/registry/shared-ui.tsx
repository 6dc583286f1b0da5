import { Tag } from 'antd';
import { useLang } from '../../lib/use-lang';
import { useTags } from './registry-api';

export function PersonTags({ codes }: { codes: string[] }) {
  const tags = useTags();
  const { lang } = useLang();
  const byCode = new Map(
    (tags.data ?? []).map((x) => [x.code, lang === 'en' ? (x.nameEn ?? x.name) : x.name]),
  );
  return (
    <>
      {codes.map((c) => (
        <Tag key={c} color="blue">
          {byCode.get(c) ?? c}
        </Tag>
      ))}
    </>
  );
}

/** The age reached this calendar year: all a masked view can tell (it carries the birth year only). */
export const ageThisYear = (birthYear: number | null) =>
  birthYear === null ? null : new Date().getFullYear() - birthYear;

export const ageOf = (birthDate: string | null) => {
  if (!birthDate) return null;
  const now = new Date();
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return (
    now.getFullYear() -
    y -
    (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d) ? 1 : 0)
  );
};
