/** The customer groups of one in-memory store (few per store: scans are fine). */
import { groupNameKey } from '../../domain/group-rules.js';
import type { GroupRecord } from '../../domain/records.js';
import type { GroupQuery, PageRequest } from '../backend.js';

/** Groups by id. */
export class GroupTable {
  private readonly records = new Map<number, GroupRecord>();
  private sorted: GroupRecord[] | null = null;

  /** Number of groups. */
  get size(): number {
    return this.records.size;
  }

  /** The group with this id. */
  get(id: number): GroupRecord | undefined {
    return this.records.get(id);
  }

  /** The group with this name (without case). */
  byName(name: string): GroupRecord | undefined {
    const key = groupNameKey(name);
    return this.all().find((g) => groupNameKey(g.name) === key);
  }

  /** The group that has a one-group-only flag. */
  flagged(flag: 'is_default' | 'is_group_for_guests'): GroupRecord | undefined {
    return this.all().find((g) => g[flag]);
  }

  /** Inserts a group or replaces the one with its id. */
  put(g: GroupRecord): void {
    this.records.set(g.id, g);
    this.sorted = null;
  }

  /** Removes a group; returns the record it removed. */
  delete(id: number): GroupRecord | undefined {
    const g = this.records.get(id);
    if (g) {
      this.records.delete(id);
      this.sorted = null;
    }
    return g;
  }

  /** Every group, in id order. */
  all(): GroupRecord[] {
    this.sorted ??= [...this.records.values()].sort((a, b) => a.id - b.id);
    return this.sorted;
  }

  /** One page of matching groups. */
  page(q: GroupQuery, p: PageRequest): GroupRecord[] {
    const start = (p.page - 1) * p.limit;
    return this.all()
      .filter((g) => matchesGroup(g, q))
      .slice(start, start + p.limit);
  }

  /** How many groups match. */
  count(q: GroupQuery): number {
    return this.all().filter((g) => matchesGroup(g, q)).length;
  }
}

/** Whether a group matches the filters (shared with backends that filter in code). */
export function matchesGroup(g: GroupRecord, q: GroupQuery): boolean {
  const like = q.name_like?.toLowerCase();
  return (
    (q.name === undefined || g.name === q.name) &&
    (like === undefined || g.name.toLowerCase().includes(like)) &&
    (q.is_default === undefined || g.is_default === q.is_default) &&
    (q.is_group_for_guests === undefined || g.is_group_for_guests === q.is_group_for_guests) &&
    (q.date_created === undefined || g.date_created === q.date_created) &&
    (q.date_created_min === undefined || g.date_created >= q.date_created_min) &&
    (q.date_created_max === undefined || g.date_created <= q.date_created_max) &&
    (q.date_modified === undefined || g.date_modified === q.date_modified) &&
    (q.date_modified_min === undefined || g.date_modified >= q.date_modified_min) &&
    (q.date_modified_max === undefined || g.date_modified <= q.date_modified_max)
  );
}
