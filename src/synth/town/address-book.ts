/**
 * Addresses in the town: each allocation is a new dwelling (a house number on a postcode unit's
 * street) in a sector near the wanted deprivation decile; temporary accommodation is a flat in
 * one of a few hostel blocks.
 */
import type { Rng } from '../random/prng.ts';
import type { Geography, PostcodeUnit, Sector } from './geography.ts';

export type AddressKind = 'home' | 'temporary';

export interface Address {
  readonly id: number;
  readonly line1: string;
  readonly postcode: string;
  readonly district: string;
  readonly decile: number;
  readonly kind: AddressKind;
}

const TA_BLOCKS = [
  { name: 'Riverside House', postcode: 'TB1 9AB', district: 'TB1' },
  { name: 'Mill Court', postcode: 'TB2 9DE', district: 'TB2' },
  { name: 'Station House', postcode: 'TB6 9FG', district: 'TB6' },
  { name: 'Canal View', postcode: 'TB3 9HJ', district: 'TB3' },
] as const;

/** Hands out addresses; house numbers count up per postcode unit, so no two households share one. */
export class AddressBook {
  private nextId = 1;
  private readonly nextNumber = new Map<string, number>();
  private readonly byDecile: Sector[][] = Array.from({ length: 11 }, () => []);
  private readonly nearCache = new Map<string, Sector[]>();

  constructor(readonly geography: Geography) {
    for (const sector of geography.sectors) this.byDecile[sector.decile]?.push(sector);
  }

  /** The sectors whose decile is nearest to `decile`, optionally within one district (memoised). */
  private sectorsNear(decile: number, district?: string): Sector[] {
    const key = `${decile}:${district ?? ''}`;
    let found = this.nearCache.get(key);
    if (!found) {
      found = this.findSectorsNear(decile, district);
      this.nearCache.set(key, found);
    }
    return found;
  }

  private findSectorsNear(decile: number, district?: string): Sector[] {
    for (let gap = 0; gap <= 9; gap++) {
      const found = [decile - gap, decile + gap]
        .flatMap((d) => (d >= 1 && d <= 10 ? (this.byDecile[d] as Sector[]) : []))
        .filter((s) => !district || s.district === district);
      if (found.length) return found;
    }
    return district ? this.sectorsNear(decile) : [...this.geography.sectors];
  }

  /** A new home address in a sector near `decile` (in `district` when given and possible). */
  home(rng: Rng, decile: number, district?: string): Address {
    const sector = rng.pick(this.sectorsNear(Math.round(decile), district));
    const unit: PostcodeUnit = rng.pick(sector.units);
    const number = (this.nextNumber.get(unit.postcode) ?? rng.intBetween(1, 9)) + rng.intBetween(1, 3);
    this.nextNumber.set(unit.postcode, number);
    return {
      id: this.nextId++, line1: `${number} ${unit.street}`, postcode: unit.postcode,
      district: sector.district, decile: sector.decile, kind: 'home',
    };
  }

  /** A flat in a temporary-accommodation block. */
  temporary(rng: Rng): Address {
    const block = rng.pick(TA_BLOCKS);
    const flat = (this.nextNumber.get(block.postcode) ?? 0) + 1;
    this.nextNumber.set(block.postcode, flat);
    return {
      id: this.nextId++, line1: `Flat ${flat}, ${block.name}`, postcode: block.postcode,
      district: block.district, decile: 2, kind: 'temporary',
    };
  }
}
