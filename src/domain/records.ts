/**
 * The store's own records: what a tenant keeps for each entity. Field names follow the API;
 * dates are epoch milliseconds (rendered as RFC 2822 by the serializers) and secrets stay here,
 * never in a response.
 */

/** A `{name, value}` pair of a customer's or address's custom form fields. */
export interface FormField {
  name: string;
  value: string | null;
}

/** A stored customer. `customer_group_id` is 0 when the customer is in no group. */
export interface CustomerRecord {
  id: number;
  company: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  form_fields: FormField[] | null;
  date_created: number;
  date_modified: number;
  /** Always a 4-decimal string, as the platform returns it ("0.0000"). */
  store_credit: string;
  registration_ip_address: string;
  customer_group_id: number;
  notes: string;
  tax_exempt_category: string;
  reset_pass_on_login: boolean;
  accepts_marketing: boolean;
  /**
   * Salted password hash (`scrypt$N$salt$hash`, see domain/passwords.ts), or null when the platform
   * would have generated a password nobody knows (validation then always fails).
   */
  password_hash: string | null;
}

/** A stored customer address. `country_iso2` is derived from `country`. */
export interface AddressRecord {
  id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  address_type: 'residential' | 'commercial';
  form_fields: FormField[] | null;
}

/** Category access of a customer group. */
export interface CategoryAccess {
  type: 'all' | 'specific' | 'none';
  categories?: number[];
}

/** One discount rule of a customer group; `amount` is a 4-decimal string. */
export type DiscountRule =
  | { type: 'all'; method: 'percent' | 'fixed' | 'price'; amount: string }
  | { type: 'category'; method: 'percent' | 'fixed' | 'price'; amount: string; category_id: number }
  | { type: 'product'; method: 'percent' | 'fixed' | 'price'; amount: string; product_id: number }
  | { type: 'price_list'; price_list_id: number };

/** A stored customer group. */
export interface GroupRecord {
  id: number;
  name: string;
  is_default: boolean;
  category_access: CategoryAccess;
  discount_rules: DiscountRule[];
  is_group_for_guests: boolean;
  date_created: number;
  date_modified: number;
}

/** A whole data set's records, in dependency order. */
export interface WorldRecords {
  groups: GroupRecord[];
  customers: CustomerRecord[];
  addresses: AddressRecord[];
}

/** One entry of a data set's stream: a group, or a customer with their addresses (groups come first). */
export type DataEntry =
  | { kind: 'group'; group: GroupRecord }
  | { kind: 'customer'; customer: CustomerRecord; addresses: readonly AddressRecord[] };
