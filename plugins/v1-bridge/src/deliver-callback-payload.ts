export const DELIVER_CALLBACK_JOB = 'callbacks.deliver';

export interface DeliverCallbackPayload {
  readonly tenantId: string;
  readonly deliveryId: string;
}
