-- TPC-H Q11: Important Stock Identification
-- Validation parameters (TPC-H specification 2.x, clause 2.4.11.4): NATION = GERMANY, FRACTION = 0.0001
-- The specification scales FRACTION as 0.0001 / SF; like most TPC-H kits, the reference answers
-- (SF 0.01, 0.1, 1) keep 0.0001. Above SF 1 the runner fills in 0.0001 / SF, without which no row
-- would qualify from SF 10 on.
select
    ps_partkey,
    sum(ps_supplycost * ps_availqty) as value
from
    partsupp,
    supplier,
    nation
where
    ps_suppkey = s_suppkey
    and s_nationkey = n_nationkey
    and n_name = '${NATION}'
group by
    ps_partkey
having
    sum(ps_supplycost * ps_availqty) > (
        select
            sum(ps_supplycost * ps_availqty) * ${FRACTION}
        from
            partsupp,
            supplier,
            nation
        where
            ps_suppkey = s_suppkey
            and s_nationkey = n_nationkey
            and n_name = '${NATION}'
    )
order by
    value desc;
