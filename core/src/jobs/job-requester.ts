import Joi from 'joi';
import { ROLES, type Principal } from '../auth/principal.js';

/**
 * Who asked for a background job. A job acts for them — the packs they may see, the actor
 * of its audit entries — so the payload carries the principal, minus its tenant (a payload
 * field of its own).
 */
export interface JobRequester {
  readonly role: Principal['role'];
  readonly via: Principal['via'];
  readonly userId?: string | undefined;
  readonly credentialId: string;
  readonly label: string;
}

export const jobRequesterSchema = Joi.object<JobRequester>({
  role: Joi.string()
    .valid(...ROLES)
    .required(),
  via: Joi.string().valid('session', 'token', 'service').required(),
  userId: Joi.string().guid(),
  credentialId: Joi.string().required(),
  label: Joi.string().required(),
});

export function requesterOf(principal: Principal): JobRequester {
  const { role, via, userId, credentialId, label } = principal;
  return { role, via, userId, credentialId, label };
}

export function principalOfRequester(tenantId: string, requester: JobRequester): Principal {
  return { tenantId, ...requester, userId: requester.userId };
}
