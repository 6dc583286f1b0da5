import { maskIdNumber, maskedPhone } from '../../core/person-mask.ts';
import type { VolunteerRow } from './volunteer-repository.ts';

/** A certificate's state on `today`: 持证上岗 needs one valid on the day of the shift. */
export function certificateState(validTo: string | null, today: string) {
  if (!validTo) return 'none' as const;
  if (validTo < today) return 'expired' as const;
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return validTo < soon ? ('expiring' as const) : ('valid' as const);
}

/** Row → answer. The person's ID and phone are masked as the registry masks them (core/person-mask.ts). */
export function presentVolunteer(v: VolunteerRow, today: string) {
  return {
    id: v.id,
    personId: v.person_id,
    name: v.name,
    sex: v.sex,
    idNumber: maskIdNumber(v.id_type, v.id_number),
    phone: maskedPhone(v.phone),
    orgId: v.org_id,
    orgName: v.org_name,
    kind: v.kind,
    subtype: v.subtype,
    teamId: v.team_id,
    teamName: v.team_name,
    userId: v.user_id,
    skills: v.skills as string[],
    employer: v.employer,
    certificate: v.certificate_number
      ? { number: v.certificate_number, issued: v.certificate_issued, validTo: v.certificate_valid_to }
      : null,
    certificateState: certificateState(v.certificate_valid_to, today),
    trainings: v.trainings as { date: string; hours: number; topic: string; passed: boolean }[],
    status: v.status,
    version: v.version,
  };
}
