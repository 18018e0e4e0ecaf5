package dev.quiver.tpch;

import static dev.quiver.tpch.TpchColumn.bigint;
import static dev.quiver.tpch.TpchColumn.date;
import static dev.quiver.tpch.TpchColumn.decimal;
import static dev.quiver.tpch.TpchColumn.integer;
import static dev.quiver.tpch.TpchColumn.varchar;

import io.trino.tpch.Customer;
import io.trino.tpch.LineItem;
import io.trino.tpch.Nation;
import io.trino.tpch.Order;
import io.trino.tpch.Part;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.Region;
import io.trino.tpch.Supplier;
import io.trino.tpch.TpchTable;
import java.util.List;
import java.util.Optional;

/**
 * The TPC-H schema (specification clause 1.4): the eight tables with the specification's column
 * names and types. Identifiers are INTEGER, except order keys, which are BIGINT because they grow
 * four times faster than the other keys ({@code 6,000,000 * SF}) and would overflow INTEGER above
 * SF 350; money, quantities and rates are DECIMAL(15,2); CHAR(n) and VARCHAR(n) are VARCHAR(n).
 */
public final class TpchTables {
    public static final TpchTableDefinition<Region> REGION = new TpchTableDefinition<>("region", TpchTable.REGION, 5, false, List.of(
            integer("r_regionkey", Region::getRegionKey),
            varchar("r_name", 25, Region::getName),
            varchar("r_comment", 152, Region::getComment)));

    public static final TpchTableDefinition<Nation> NATION = new TpchTableDefinition<>("nation", TpchTable.NATION, 25, false, List.of(
            integer("n_nationkey", Nation::getNationKey),
            varchar("n_name", 25, Nation::getName),
            integer("n_regionkey", Nation::getRegionKey),
            varchar("n_comment", 152, Nation::getComment)));

    public static final TpchTableDefinition<Supplier> SUPPLIER = new TpchTableDefinition<>("supplier", TpchTable.SUPPLIER, 10_000, true, List.of(
            integer("s_suppkey", Supplier::getSupplierKey),
            varchar("s_name", 25, Supplier::getName),
            varchar("s_address", 40, Supplier::getAddress),
            integer("s_nationkey", Supplier::getNationKey),
            varchar("s_phone", 15, Supplier::getPhone),
            decimal("s_acctbal", Supplier::getAccountBalanceInCents),
            varchar("s_comment", 101, Supplier::getComment)));

    public static final TpchTableDefinition<Customer> CUSTOMER = new TpchTableDefinition<>("customer", TpchTable.CUSTOMER, 150_000, true, List.of(
            integer("c_custkey", Customer::getCustomerKey),
            varchar("c_name", 25, Customer::getName),
            varchar("c_address", 40, Customer::getAddress),
            integer("c_nationkey", Customer::getNationKey),
            varchar("c_phone", 15, Customer::getPhone),
            decimal("c_acctbal", Customer::getAccountBalanceInCents),
            varchar("c_mktsegment", 10, Customer::getMarketSegment),
            varchar("c_comment", 117, Customer::getComment)));

    public static final TpchTableDefinition<Part> PART = new TpchTableDefinition<>("part", TpchTable.PART, 200_000, true, List.of(
            integer("p_partkey", Part::getPartKey),
            varchar("p_name", 55, Part::getName),
            varchar("p_mfgr", 25, Part::getManufacturer),
            varchar("p_brand", 10, Part::getBrand),
            varchar("p_type", 25, Part::getType),
            integer("p_size", Part::getSize),
            varchar("p_container", 10, Part::getContainer),
            decimal("p_retailprice", Part::getRetailPriceInCents),
            varchar("p_comment", 23, Part::getComment)));

    public static final TpchTableDefinition<PartSupplier> PARTSUPP = new TpchTableDefinition<>("partsupp", TpchTable.PART_SUPPLIER, 800_000, true, List.of(
            integer("ps_partkey", PartSupplier::getPartKey),
            integer("ps_suppkey", PartSupplier::getSupplierKey),
            integer("ps_availqty", PartSupplier::getAvailableQuantity),
            decimal("ps_supplycost", PartSupplier::getSupplyCostInCents),
            varchar("ps_comment", 199, PartSupplier::getComment)));

    public static final TpchTableDefinition<Order> ORDERS = new TpchTableDefinition<>("orders", TpchTable.ORDERS, 1_500_000, true, List.of(
            bigint("o_orderkey", Order::getOrderKey),
            integer("o_custkey", Order::getCustomerKey),
            varchar("o_orderstatus", 1, o -> String.valueOf(o.getOrderStatus())),
            decimal("o_totalprice", Order::getTotalPriceInCents),
            date("o_orderdate", Order::getOrderDate),
            varchar("o_orderpriority", 15, Order::getOrderPriority),
            varchar("o_clerk", 15, Order::getClerk),
            integer("o_shippriority", Order::getShipPriority),
            varchar("o_comment", 79, Order::getComment)));

    public static final TpchTableDefinition<LineItem> LINEITEM = new TpchTableDefinition<>("lineitem", TpchTable.LINE_ITEM, 6_001_215, true, List.of(
            bigint("l_orderkey", LineItem::getOrderKey),
            integer("l_partkey", LineItem::getPartKey),
            integer("l_suppkey", LineItem::getSupplierKey),
            integer("l_linenumber", LineItem::getLineNumber),
            // Quantities are whole numbers in the generator; DECIMAL(15,2) stores them times 100.
            decimal("l_quantity", l -> l.getQuantity() * 100),
            decimal("l_extendedprice", LineItem::getExtendedPriceInCents),
            // Discount and tax come as whole percents, which are their values at scale 2.
            decimal("l_discount", LineItem::getDiscountPercent),
            decimal("l_tax", LineItem::getTaxPercent),
            varchar("l_returnflag", 1, LineItem::getReturnFlag),
            varchar("l_linestatus", 1, LineItem::getStatus),
            date("l_shipdate", LineItem::getShipDate),
            date("l_commitdate", LineItem::getCommitDate),
            date("l_receiptdate", LineItem::getReceiptDate),
            varchar("l_shipinstruct", 25, LineItem::getShipInstructions),
            varchar("l_shipmode", 10, LineItem::getShipMode),
            varchar("l_comment", 44, LineItem::getComment)));

    /** All eight tables, in the specification's order. */
    public static final List<TpchTableDefinition<?>> ALL = List.of(REGION, NATION, SUPPLIER, CUSTOMER, PART, PARTSUPP, ORDERS, LINEITEM);

    /** The tables largest first: the order in which generation starts them, so that small ones fill in at the end. */
    static final List<TpchTableDefinition<?>> GENERATION_ORDER = List.of(LINEITEM, ORDERS, PARTSUPP, PART, CUSTOMER, SUPPLIER, NATION, REGION);

    private TpchTables() {
    }

    /** The table with this name (case-insensitive). */
    public static Optional<TpchTableDefinition<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
