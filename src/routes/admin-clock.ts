/** Admin routes of the virtual clock: the global one, and a store's own. */
import { clockInput } from '../control/inputs.js';
import { hashParam } from './admin-summary.js';
import { json, type AdminRoute } from './route.js';

/** The clock routes. */
export const adminClockRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/clock',
    operationId: 'getClock',
    handle: ({ control }) => json(control.clocks.view()),
  },
  {
    method: 'POST',
    path: '/clock',
    operationId: 'setClock',
    body: true,
    handle: ({ control, body }) => json(control.clocks.change(undefined, clockInput(body))),
  },
  {
    method: 'GET',
    path: '/stores/:hash/clock',
    operationId: 'getStoreClock',
    handle: ({ control, params }) => json(control.clocks.view(hashParam(params))),
  },
  {
    method: 'POST',
    path: '/stores/:hash/clock',
    operationId: 'setStoreClock',
    body: true,
    handle: ({ control, params, body }) => json(control.clocks.change(hashParam(params), clockInput(body))),
  },
  {
    method: 'DELETE',
    path: '/stores/:hash/clock',
    operationId: 'followGlobalClock',
    handle({ control, params }) {
      const hash = hashParam(params);
      control.clocks.follow(hash);
      return json(control.clocks.view(hash));
    },
  },
];
