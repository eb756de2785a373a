import { definePolicy } from '@shequ/kit';

/**
 * Who may do what in service delivery, each always within their
 * jurisdiction (a resident's jurisdiction is their own 12-digit community
 * code). Admins pass every rule but `rateServiceRequest`. Facilities, the
 * catalogue and stats are public aggregates and need no rule.
 *
 * Two rules concern the person as well as the role (`owner`, the request's
 * submitter): only the submitter may rate a request, and the submitter may
 * always read their own request's details.
 */
export const serviceDeliveryPolicy = definePolicy({
  submitServiceRequest: { roles: ['resident', 'community_worker', 'department_staff'], department: 'service-delivery' },
  acceptServiceRequest: { roles: ['community_worker', 'department_staff'], department: 'service-delivery' },
  startServiceRequest: { roles: ['community_worker', 'department_staff'], department: 'service-delivery' },
  resolveServiceRequest: { roles: ['community_worker', 'department_staff'], department: 'service-delivery' },
  closeServiceRequest: { roles: ['community_worker', 'department_staff'], department: 'service-delivery' },
  rejectServiceRequest: { roles: ['community_worker', 'department_staff'], department: 'service-delivery' },
  rateServiceRequest: { roles: ['resident'], owner: 'only' },
  // Community workers run their community's facilities day to day, so they keep its register current too.
  registerFacility: { roles: ['department_staff', 'community_worker'], department: 'service-delivery' },
  updateFacility: { roles: ['department_staff', 'community_worker'], department: 'service-delivery' },
  recordInvestment: { roles: ['department_staff'], department: 'service-delivery' },
  /** A request's description, submitter, contact and transition notes (besides the submitter themself). */
  readServiceRequestDetails: { roles: ['community_worker', 'department_staff'], department: 'service-delivery', owner: 'also' },
  readAuditLog: { roles: ['admin'], withinJurisdiction: false },
});

export type ServiceDeliveryOperation = keyof typeof serviceDeliveryPolicy;
