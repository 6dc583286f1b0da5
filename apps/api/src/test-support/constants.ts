export const TEST_PASSWORD = 'Demo@2026civic';
/** The 三员 test accounts (admin, security, auditor) are enrolled in the second factor with this secret. */
export const TEST_TOTP_SECRET = 'CIVICGRIDTESTTOTPSECRETXXXXXXXXX';
/** The field encryption keys of the test databases (fixed, so the seeded template and each test agree). */
export const TEST_FIELD_KEYS = {
  current: `test1:${Buffer.alloc(32, 't').toString('base64')}`,
  old: null,
  index: Buffer.alloc(32, 'i').toString('base64'),
};
