/** Admin routes of API coverage: the report across stores, and forgetting it. */
import { json, noContent, type AdminRoute } from './route.js';

/** The coverage routes. */
export const adminCoverageRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/coverage',
    operationId: 'getCoverage',
    handle: ({ control }) => json(control.coverage.report()),
  },
  {
    method: 'DELETE',
    path: '/coverage',
    operationId: 'clearCoverage',
    handle({ control }) {
      control.coverage.clear();
      return noContent();
    },
  },
];
