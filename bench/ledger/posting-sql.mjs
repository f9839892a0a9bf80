// bench/ledger: the pgbench script of the anchor — the SQL statements ONE posting executes
// (`creditTopUp` → `postLedger`), as the code sends them: the wallet lock (its two accounts
// `for update` in id order, with the wallet's threshold), then ONE statement that writes the
// posting (unique reference), its two entries and the cached balance, inside a transaction whose
// commit runs the deferred balance triggers. A random wallet of the bench's organizations (the
// wallet's account ids, which the service reads from the lock's answer, passed along), a
// random amount and a unique reference per transaction.
//
// What the anchor leaves out is the work done in Node: the pool, building the lines, checking
// them, computing `balance_after` from the lock's answer (pgbench sends constants in their place:
// the same statement, rows and index work), and the driver. Nothing of ours sits around it: no
// advisory lock, no application lock — the row locks are the statements' own.

const quote = (value) => `'${String(value).replace(/'/g, "''")}'`;

/** The transaction of one top-up posting on a random wallet of `organizationIds`. */
export function postingScript({ organizationIds, availableAccountIds, gatewayClearingId }) {
  const org = `(array[${organizationIds.map(quote).join(', ')}]::uuid[])[:o]`;
  // The wallet's available account: the service reads its id from the lock's answer.
  const available = `(array[${availableAccountIds.map(quote).join(', ')}]::uuid[])[:o]`;
  return `\\set o random(1, ${organizationIds.length})
\\set a random(100, 1000000)
\\set n -1 * :a
\\set k random(1, 9000000000000000000)
begin;
select a.id, a.kind, a.balance_paise::text as balance_paise,
       s.low_balance_threshold_paise::text as low_balance_threshold_paise
  from ledger_accounts a
  left join wallet_settings s on s.organization_id = a.organization_id
 where a.organization_id = ${org}
 order by a.id
   for update of a;
with p as (
  insert into ledger_postings
    (reference, kind, organization_id, wallet_delta_paise, wallet_balance_after_paise,
     description, actor_user_id)
  values ('pgbench:' || :k, 'topup', ${org}, :a, :a, 'Wallet top-up', null)
  on conflict (reference) do nothing
  returning id),
e as (
  insert into ledger_entries (posting_id, account_id, amount_paise, balance_after_paise)
  select p.id, l.account_id, l.amount_paise, l.balance_after_paise
    from p, unnest(array[${quote(gatewayClearingId)}, ${available}]::uuid[],
                   array[:n, :a]::bigint[], array[null, :a]::bigint[]) with ordinality
              as l(account_id, amount_paise, balance_after_paise, n)
   order by l.n
  returning id),
u as (
  update ledger_accounts a
     set balance_paise = a.balance_paise + w.delta_paise
    from p, unnest(array[${available}]::uuid[], array[:a]::bigint[]) as w(account_id, delta_paise)
   where a.id = w.account_id
  returning a.id)
select (select id from p)::text as id,
       (select array_agg(id::text order by id) from e) as entry_ids,
       (select count(*) from u) as updated;
commit;
`;
}
