/** Admin routes of snapshots (take, list, restore, drop) and of a store's ndjson export and import. */
import { dataFill, readStoreData, snapshotView } from '../control/snapshots.js';
import { readStoreNdjson, storeLines } from '../control/store-ndjson.js';
import { notFoundReason, Rejection } from '../domain/reasons.js';
import { hashParam, storeSummary } from './admin-summary.js';
import { json, noContent, type AdminRoute } from './route.js';

/** The snapshot and export routes. */
export const adminSnapshotRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: '/stores/:hash/snapshots',
    operationId: 'createSnapshot',
    async handle({ stores, control, params }) {
      const hash = hashParam(params);
      const data = await readStoreData(await stores.open(hash));
      return json(snapshotView(control.snapshots.keep(hash, data)), 201);
    },
  },
  {
    method: 'GET',
    path: '/stores/:hash/snapshots',
    operationId: 'listSnapshots',
    handle: ({ control, params }) => json(control.snapshots.list(hashParam(params)).map(snapshotView)),
  },
  {
    method: 'POST',
    path: '/stores/:hash/snapshots/:id/restore',
    operationId: 'restoreSnapshot',
    async handle({ stores, control, params }) {
      const hash = hashParam(params);
      const snap = control.snapshots.get(hash, params.id as string);
      if (!snap) throw new Rejection(notFoundReason(`the store has no snapshot '${params.id}'`));
      await stores.fill(hash, dataFill(snap.data));
      return json(await storeSummary(stores, hash));
    },
  },
  {
    method: 'DELETE',
    path: '/stores/:hash/snapshots/:id',
    operationId: 'deleteSnapshot',
    handle({ control, params }) {
      if (!control.snapshots.drop(hashParam(params), params.id as string))
        throw new Rejection(notFoundReason(`the store has no snapshot '${params.id}'`));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/stores/:hash/export',
    operationId: 'exportStore',
    async handle({ stores, params }) {
      const hash = hashParam(params);
      // Read at once (references to the records), streamed as it is written out.
      const data = await readStoreData(await stores.open(hash));
      return {
        status: 200,
        headers: {
          'Content-Type': 'application/x-ndjson',
          'Content-Disposition': `attachment; filename="${hash}.ndjson"`,
        },
        stream: storeLines(hash, data),
      };
    },
  },
  {
    method: 'PUT',
    path: '/stores/:hash/export',
    operationId: 'importStore',
    async handle({ stores, params, req }) {
      const hash = hashParam(params);
      await stores.fill(hash, dataFill(await readStoreNdjson(req, hash)));
      return json(await storeSummary(stores, hash));
    },
  },
];
