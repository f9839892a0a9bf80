// bench/inventory/search: the SQL `GET /api/v1/parts?q=` runs for a brand browsing its own catalog,
// as in src/modules/catalog/part-search.repository.ts (`search`), run directly with pg — the anchor
// that shows how much of the HTTP latency is the database.

const prefixPattern = (text) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const tierSql = {
  number: `select id from parts
        where "parts"."brand_id" = $1 and lower(part_number) like $2 escape '\\'
        order by lower(part_number), id limit $3`,
  bitmapOnly: `select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
  fullText: `select id from (
              select id, ts_rank(search_vector, websearch_to_tsquery('simple', $1)) as score, lower(part_number) as number from parts
              where "parts"."brand_id" = $2 and search_vector @@ websearch_to_tsquery('simple', $3) limit $4
            ) candidates
            order by score desc, number, id limit $5`,
  trigram: `select id from (
              select id, word_similarity($1, lower(search_document)) as score, lower(part_number) as number from parts
              where "parts"."brand_id" = $2 and $3 <% lower(search_document) limit $4
            ) candidates
            order by score desc, number, id limit $5`,
  page: `select * from parts where id = any($1::uuid[])`,
};

/**
 * One search as the repository runs it (limit 25 → 26 wanted, candidates capped at 200), in one
 * transaction on `client`. Returns the ids found and, per statement run, its name.
 */
export async function runSearch(client, brandId, text, { offset = 0, limit = 26 } = {}) {
  const lowered = text.toLowerCase();
  const wanted = offset + limit;
  const cap = Math.max(200, wanted);
  const ran = ['number'];
  await client.query('begin');
  try {
    const byNumber = await client.query(tierSql.number, [brandId, prefixPattern(lowered), wanted]);
    const ids = byNumber.rows.map((row) => row.id);
    if (ids.length < wanted) {
      await client.query(tierSql.bitmapOnly);
      const seen = new Set(ids);
      for (const [name, values] of [
        ['fullText', [text, brandId, text, cap, wanted]],
        ['trigram', [lowered, brandId, lowered, cap, wanted]],
      ]) {
        if (ids.length >= wanted) break;
        ran.push(name);
        const found = await client.query(tierSql[name], values);
        for (const row of found.rows) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          ids.push(row.id);
        }
      }
    }
    const page = ids.slice(offset, wanted);
    if (page.length > 0) await client.query(tierSql.page, [page]);
    await client.query('commit');
    return { ids: page, ran };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
