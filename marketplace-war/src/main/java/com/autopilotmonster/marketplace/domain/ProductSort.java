package com.autopilotmonster.marketplace.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.client.model.Sorts;
import java.util.Arrays;
import java.util.Locale;
import org.bson.conversions.Bson;

/** The listing orders clients may ask for ({@code ?sort=}); {@code _id} breaks ties so pages are stable. */
public enum ProductSort {
    NEWEST("newest", Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id"))),
    OLDEST("oldest", Sorts.orderBy(Sorts.ascending("createdAt"), Sorts.ascending("_id"))),
    PRICE_ASC("price_asc", Sorts.orderBy(Sorts.ascending("price"), Sorts.ascending("_id"))),
    PRICE_DESC("price_desc", Sorts.orderBy(Sorts.descending("price"), Sorts.ascending("_id"))),
    RATING("rating", Sorts.orderBy(Sorts.descending("rating"), Sorts.descending("reviewCount"), Sorts.ascending("_id"))),
    POPULAR("popular", Sorts.orderBy(Sorts.descending("isPopular"), Sorts.descending("downloadCount"),
            Sorts.descending("rating"), Sorts.ascending("_id"))),
    DOWNLOADS("downloads", Sorts.orderBy(Sorts.descending("downloadCount"), Sorts.ascending("_id"))),
    NAME("name", Sorts.orderBy(Sorts.ascending("name"), Sorts.ascending("_id")));

    private final String key;
    private final Bson order;

    ProductSort(String key, Bson order) {
        this.key = key;
        this.order = order;
    }

    public Bson order() {
        return order;
    }

    /** @throws ApiException 400 naming the accepted keys for an unknown one */
    public static ProductSort of(String key) {
        if (key == null || key.isBlank()) {
            return NEWEST;
        }
        String wanted = key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.key.equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("Unknown sort '" + key.strip().substring(0,
                        Math.min(40, key.strip().length())) + "'; use one of " + keys()));
    }

    static String keys() {
        return String.join(", ", Arrays.stream(values()).map(s -> s.key).toList());
    }
}
