/** Admin client methods of the virtual clock: the global one and a store's own. */
import { body, type AdminFetch } from './core.js';
import type { Clock, ClockChange } from './types.js';

/** The clock methods. */
export function clockMethods(api: AdminFetch) {
  const at = (hash: string) => ({ params: { path: { hash } } });
  return {
    /** `GET /__admin/clock`: the global clock. */
    async getClock(): Promise<Clock> {
      return body((await api.GET('/__admin/clock')).data, 'getClock');
    },
    /** `POST /__admin/clock`: freezes, sets, advances or releases the global clock. */
    async setClock(change: ClockChange): Promise<Clock> {
      return body((await api.POST('/__admin/clock', { body: change })).data, 'setClock');
    },
    /** `GET /__admin/stores/{hash}/clock`: the clock the store reads. */
    async getStoreClock(hash: string): Promise<Clock> {
      return body((await api.GET('/__admin/stores/{hash}/clock', at(hash))).data, 'getStoreClock');
    },
    /** `POST /__admin/stores/{hash}/clock`: gives the store a clock of its own and changes it. */
    async setStoreClock(hash: string, change: ClockChange): Promise<Clock> {
      const { data } = await api.POST('/__admin/stores/{hash}/clock', { ...at(hash), body: change });
      return body(data, 'setStoreClock');
    },
    /** `DELETE /__admin/stores/{hash}/clock`: the store follows the global clock again. */
    async followGlobalClock(hash: string): Promise<Clock> {
      return body((await api.DELETE('/__admin/stores/{hash}/clock', at(hash))).data, 'followGlobalClock');
    },
  };
}
