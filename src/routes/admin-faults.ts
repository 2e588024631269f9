/** Admin routes of fault rules: list, add, remove one, clear a store's. */
import { notFoundReason, Rejection } from '../domain/reasons.js';
import { faultRuleInput } from '../control/inputs.js';
import { hashParam } from './admin-summary.js';
import { json, noContent, type AdminRoute } from './route.js';

/** The fault routes. */
export const adminFaultRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/stores/:hash/faults',
    operationId: 'listFaults',
    handle: ({ control, params }) => json(control.faults.list(hashParam(params))),
  },
  {
    method: 'POST',
    path: '/stores/:hash/faults',
    operationId: 'addFault',
    body: true,
    handle({ control, params, body }) {
      const hash = hashParam(params);
      return json(control.faults.add(hash, faultRuleInput(body, hash)), 201);
    },
  },
  {
    method: 'DELETE',
    path: '/stores/:hash/faults',
    operationId: 'clearFaults',
    handle({ control, params }) {
      control.faults.clear(hashParam(params));
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/stores/:hash/faults/:id',
    operationId: 'deleteFault',
    handle({ control, params }) {
      if (!control.faults.remove(hashParam(params), params.id as string))
        throw new Rejection(notFoundReason(`the store has no fault rule '${params.id}'`));
      return noContent();
    },
  },
];
