export const ROLES = ['admin', 'author', 'operator', 'bank', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: resolved from a session cookie, an API token or V1's service token. */
export interface Principal {
  readonly tenantId: string;
  readonly role: Role;
  readonly via: 'session' | 'token' | 'service';
  /** The user behind a session or a user-created token; absent for a service token. */
  readonly userId: string | undefined;
  /** The session or token row that authenticated the call. */
  readonly credentialId: string;
  /** How the audit log names the actor (`asha@firm.in`, `token:ci-deploy`). */
  readonly label: string;
}

/** The actor of work no person or program asked for (first-run seeding, sweeps, the CLI). */
export interface SystemActor {
  readonly tenantId: string;
  readonly label: string;
}
