/** A sorted list of ids: the id index behind id-ordered pages and id-range filters. */
export class SortedIds {
  private ids: number[] = [];

  /** Adds an id; appending the largest id (the usual case) is O(1). */
  add(id: number): void {
    const last = this.ids[this.ids.length - 1];
    if (last === undefined || id > last) {
      this.ids.push(id);
      return;
    }
    const at = this.lowerBound(id);
    if (this.ids[at] !== id) this.ids.splice(at, 0, id);
  }

  /** Removes an id if present. */
  delete(id: number): void {
    const at = this.lowerBound(id);
    if (this.ids[at] === id) this.ids.splice(at, 1);
  }

  /** Index of the first id >= `id`. */
  lowerBound(id: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ids[mid] as number) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Ids at positions [start, end). */
  slice(start: number, end: number): number[] {
    return this.ids.slice(start, end);
  }

  /** Positions [start, end) of the ids within [min, max] (inclusive bounds; undefined = open). */
  range(min?: number, max?: number): [number, number] {
    const start = min === undefined ? 0 : this.lowerBound(min);
    const end = max === undefined ? this.ids.length : this.lowerBound(max + 1);
    return [start, Math.max(start, end)];
  }

  /** The id at a position. */
  at(position: number): number | undefined {
    return this.ids[position];
  }
}
