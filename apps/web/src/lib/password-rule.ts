import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';
import { passwordPolicyError } from '@civicgrid/shared/password-policy';

/** The shared policy decides; the message is ours so it reads in the user's language. */
export function passwordPolicyRule(t: TFunction): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const problem = passwordPolicyError(value);
      if (!problem) return;
      if (problem.includes('at least')) throw new Error(t('password.tooShort'));
      if (problem.includes('at most')) throw new Error(t('password.tooLong'));
      throw new Error(t('password.classes'));
    },
  };
}
