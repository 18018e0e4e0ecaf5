-- TPC-H Q17: Small-Quantity-Order Revenue
-- Validation parameters (TPC-H specification 2.x, clause 2.4.17.4): BRAND = Brand#23, CONTAINER = MED BOX
select
    sum(l_extendedprice) / 7.0 as avg_yearly
from
    lineitem,
    part
where
    p_partkey = l_partkey
    and p_brand = '${BRAND}'
    and p_container = '${CONTAINER}'
    and l_quantity < (
        select
            0.2 * avg(l_quantity)
        from
            lineitem
        where
            l_partkey = p_partkey
    );
