import { sql, type SQL } from 'drizzle-orm';
import type { Reader } from '../../platform/db/read-pool.js';
import type { PartRow } from './part.repository.js';
import type { PrefixRange } from './part-search-query.js';

/** A part as search returns it: the listed columns only (no search document or vector). */
export type PartListRow = Omit<PartRow, 'searchDocument' | 'searchVector'>;

/** One ranked step of a search: what it matches and how it scores, best first. */
export interface RankedTier {
  match: SQL;
  score: SQL;
}

export interface RankingInput {
  /** The caller's scope, for the part-number btree. */
  scope: SQL;
  /** The same scope in a form no btree answers (ranked tiers must use their GIN index). */
  bitmapScope: SQL;
  /**
   * The part-number prefix tier's range of `lower(part_number) COLLATE "C"` (`prefixRange()`:
   * bounds, unlike a `LIKE` pattern, use the index in a generic plan); without it the statement
   * has no part-number tier.
   */
  prefix: PrefixRange | undefined;
  tiers: readonly RankedTier[];
  offset: number;
  limit: number;
  /** Ranked tiers rank at most this many candidates each. */
  cap: number;
  /** Dictionary lookup answered in the same statement: which of `words` are terms of `brands`. */
  terms?: { brands: SQL; words: readonly string[] };
}

export interface RankedPage {
  rows: PartListRow[];
  /** How many parts the part-number tier matched (at most offset + limit). */
  numberHits: number;
  /** How many distinct parts all tiers found (at most offset + limit per tier). */
  found: number;
  /** Which of `terms.words` are terms (empty without `terms`). */
  knownTerms: Set<string>;
}

const listColumns = sql.raw(
  `p.id, p.brand_id, p.part_number, p.name, p.description, p.category, p.hsn_code,
   p.gst_rate_basis_points, p.unit_price_paise, p.mrp_paise, p.weight_grams, p.length_cm,
   p.width_cm, p.height_cm, p.compatible_models, p.status, p.superseded_by_part_id, p.created_at,
   p.updated_at`,
);

type RawRow = {
  id: string | null;
  brand_id: string;
  part_number: string;
  name: string;
  description: string | null;
  category: string | null;
  hsn_code: string | null;
  gst_rate_basis_points: number | null;
  unit_price_paise: string | number;
  mrp_paise: string | number | null;
  weight_grams: number;
  length_cm: number;
  width_cm: number;
  height_cm: number;
  compatible_models: string[];
  status: PartRow['status'];
  superseded_by_part_id: string | null;
  created_at: Date;
  updated_at: Date;
  number_hits: number;
  found: number;
  known_terms: string[] | null;
};

function toRow(raw: RawRow & { id: string }): PartListRow {
  return {
    id: raw.id,
    brandId: raw.brand_id,
    partNumber: raw.part_number,
    name: raw.name,
    description: raw.description,
    category: raw.category,
    hsnCode: raw.hsn_code,
    gstRateBasisPoints: raw.gst_rate_basis_points,
    unitPricePaise: Number(raw.unit_price_paise),
    mrpPaise: raw.mrp_paise === null ? null : Number(raw.mrp_paise),
    weightGrams: raw.weight_grams,
    lengthCm: raw.length_cm,
    widthCm: raw.width_cm,
    heightCm: raw.height_cm,
    compatibleModels: raw.compatible_models,
    status: raw.status,
    supersededByPartId: raw.superseded_by_part_id,
    createdAt: new Date(raw.created_at),
    updatedAt: new Date(raw.updated_at),
  };
}

/**
 * One page of a ranked search in ONE statement (no transaction, one round trip): the part-number
 * prefix tier when `prefix` is given (a range scan of `parts_brand_part_number_prefix_idx`) and
 * each ranked tier as CTEs,
 * `UNION ALL` with the tier's rank, each part kept at its best place, ordered, paged, and joined
 * to the listed columns of the page only. Always one row back (columns null when the page is
 * empty) so the caller learns the tier counts that decide whether typo correction runs.
 */
export async function rankedPage(reader: Reader, input: RankingInput): Promise<RankedPage> {
  const wanted = input.offset + input.limit;
  const tierNames = input.tiers.map((_, index) => `t${index + 2}`);
  const ctes: SQL[] = [];
  const ranks: SQL[] = [];
  if (input.prefix !== undefined) {
    const { from, to } = input.prefix;
    const below = to === undefined ? sql`` : sql` and lower(part_number) collate "C" < ${to}`;
    ctes.push(sql`num as (
      select id, lower(part_number) collate "C" as number from parts
      where ${input.scope} and lower(part_number) collate "C" >= ${from}${below}
      order by lower(part_number) collate "C", id limit ${wanted})`);
    ranks.push(sql`select id, 1 as tier, row_number() over (order by number, id) as pos from num`);
  }
  input.tiers.forEach((tier, index) => {
    const name = sql.raw(tierNames[index] as string);
    ctes.push(sql`${name} as (
      select id, score, number from (
        select id, ${tier.score} as score, lower(part_number) as number from parts
        where ${input.bitmapScope} and ${tier.match} limit ${input.cap}
      ) candidates order by score desc, number, id limit ${wanted})`);
    ranks.push(sql`select id, ${sql.raw(String(index + 2))} as tier,
      row_number() over (order by score desc, number, id) as pos from ${name}`);
  });
  const terms =
    input.terms && input.terms.words.length > 0
      ? sql`(select array_agg(distinct term) from part_search_terms
          where ${input.terms.brands} and term = any(${sql.param(input.terms.words)}::text[]))`
      : sql`null::text[]`;
  const numberHits = input.prefix === undefined ? sql`0` : sql`(select count(*) from num)::int`;
  const rows = await reader.rows<RawRow>(sql`
    with ${sql.join(ctes, sql`, `)},
    ranked as (${sql.join(ranks, sql` union all `)}),
    best as (select distinct on (id) id, tier, pos from ranked order by id, tier, pos),
    page as (select id, tier, pos from best order by tier, pos limit ${input.limit} offset ${input.offset})
    select ${listColumns},
      ${numberHits} as number_hits, (select count(*) from best)::int as found,
      ${terms} as known_terms
    from (select 1) as one left join (page join parts p on p.id = page.id) on true
    order by page.tier, page.pos`);
  const first = rows[0];
  return {
    rows: rows.flatMap((raw) => (raw.id === null ? [] : [toRow(raw as RawRow & { id: string })])),
    numberHits: first?.number_hits ?? 0,
    found: first?.found ?? 0,
    knownTerms: new Set(first?.known_terms ?? []),
  };
}
