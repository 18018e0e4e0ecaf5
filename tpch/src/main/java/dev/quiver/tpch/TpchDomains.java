package dev.quiver.tpch;

import java.util.List;

/**
 * The value lists of the TPC-H specification that substitution parameters are drawn from (clause
 * 4.2.2.13 for the syllable lists, clause 4.2.3 for nations, regions and the colors of P_NAME;
 * Q13's words are listed in clause 2.4.13.3). Written out here rather than taken from the data
 * generator so that the query generator and the data are checked against each other.
 */
final class TpchDomains {
    /** R_NAME, in region-key order (clause 4.2.3). */
    static final List<String> REGIONS = List.of("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST");

    /** N_NAME, in nation-key order (clause 4.2.3). */
    static final List<String> NATIONS = List.of("ALGERIA", "ARGENTINA", "BRAZIL", "CANADA", "EGYPT", "ETHIOPIA", "FRANCE",
            "GERMANY", "INDIA", "INDONESIA", "IRAN", "IRAQ", "JAPAN", "JORDAN", "KENYA", "MOROCCO", "MOZAMBIQUE", "PERU",
            "CHINA", "ROMANIA", "SAUDI ARABIA", "VIETNAM", "RUSSIA", "UNITED KINGDOM", "UNITED STATES");

    /** N_REGIONKEY of each nation, in nation-key order (clause 4.2.3). */
    static final List<Integer> NATION_REGIONS = List.of(0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1);

    /** Segments: C_MKTSEGMENT (clause 4.2.2.13). */
    static final List<String> SEGMENTS = List.of("AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD");

    /** Types, syllable 1 (clause 4.2.2.13). */
    static final List<String> TYPE_SYLLABLE_1 = List.of("STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO");
    /** Types, syllable 2 (clause 4.2.2.13). */
    static final List<String> TYPE_SYLLABLE_2 = List.of("ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED");
    /** Types, syllable 3 (clause 4.2.2.13). */
    static final List<String> TYPE_SYLLABLE_3 = List.of("TIN", "NICKEL", "BRASS", "STEEL", "COPPER");

    /** Containers, syllable 1 (clause 4.2.2.13). */
    static final List<String> CONTAINER_SYLLABLE_1 = List.of("SM", "LG", "MED", "JUMBO", "WRAP");
    /** Containers, syllable 2 (clause 4.2.2.13). */
    static final List<String> CONTAINER_SYLLABLE_2 = List.of("CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM");

    /** Modes: L_SHIPMODE (clause 4.2.2.13). */
    static final List<String> SHIP_MODES = List.of("REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB");

    /** The 92 words P_NAME is made of (clause 4.2.3). */
    static final List<String> COLORS = List.of("almond", "antique", "aquamarine", "azure", "beige", "bisque", "black",
            "blanched", "blue", "blush", "brown", "burlywood", "burnished", "chartreuse", "chiffon", "chocolate", "coral",
            "cornflower", "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab", "firebrick", "floral", "forest",
            "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey", "honeydew", "hot", "indian", "ivory", "khaki", "lace",
            "lavender", "lawn", "lemon", "light", "lime", "linen", "magenta", "maroon", "medium", "metallic", "midnight", "mint",
            "misty", "moccasin", "navajo", "navy", "olive", "orange", "orchid", "pale", "papaya", "peach", "peru", "pink",
            "plum", "powder", "puff", "purple", "red", "rose", "rosy", "royal", "saddle", "salmon", "sandy", "seashell", "sienna",
            "sky", "slate", "smoke", "snow", "spring", "steel", "tan", "thistle", "tomato", "turquoise", "violet", "wheat",
            "white", "yellow");

    /** Q13's WORD1 (clause 2.4.13.3). */
    static final List<String> Q13_WORD_1 = List.of("special", "pending", "unusual", "express");
    /** Q13's WORD2 (clause 2.4.13.3). */
    static final List<String> Q13_WORD_2 = List.of("packages", "requests", "accounts", "deposits");

    /** Smallest P_SIZE (clause 4.2.3). */
    static final int MIN_SIZE = 1;
    /** Largest P_SIZE (clause 4.2.3). */
    static final int MAX_SIZE = 50;
    /** Smallest digit M or N of a brand {@code Brand#MN} (clause 4.2.3). */
    static final int MIN_BRAND_DIGIT = 1;
    /** Largest digit M or N of a brand {@code Brand#MN} (clause 4.2.3). */
    static final int MAX_BRAND_DIGIT = 5;
    /** Country codes are the nation key plus this (clause 4.2.2.9): 10 to 34. */
    static final int COUNTRY_CODE_OFFSET = 10;

    private TpchDomains() {
    }
}
