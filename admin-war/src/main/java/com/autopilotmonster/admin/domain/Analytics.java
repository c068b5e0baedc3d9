package com.autopilotmonster.admin.domain;

import com.autopilotmonster.common.problem.ApiException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Time series over {@code [from, to)} in UTC buckets ({@code hour}, {@code day}, {@code week} from Monday,
 * {@code month}) from the same read model as the dashboard: sign-ups, orders, net revenue per currency (payments
 * minus refunds in the bucket where each happened), and the top products and vendors by paid sales in the range.
 */
@ApplicationScoped
public class Analytics {

    public static final int MAX_BUCKETS = 744;
    static final int TOP = 10;

    @Inject
    MongoDatabase database;

    public enum Granularity {
        HOUR, DAY, WEEK, MONTH;

        Instant start(Instant t) {
            ZonedDateTime z = t.atZone(ZoneOffset.UTC);
            return switch (this) {
                case HOUR -> z.truncatedTo(ChronoUnit.HOURS).toInstant();
                case DAY -> z.truncatedTo(ChronoUnit.DAYS).toInstant();
                case WEEK -> z.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
                case MONTH -> z.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            };
        }

        Instant next(Instant bucket) {
            ZonedDateTime z = bucket.atZone(ZoneOffset.UTC);
            return switch (this) {
                case HOUR -> z.plusHours(1).toInstant();
                case DAY -> z.plusDays(1).toInstant();
                case WEEK -> z.plusWeeks(1).toInstant();
                case MONTH -> z.plusMonths(1).toInstant();
            };
        }
    }

    private static final class Bucket {
        long signups;
        long orders;
        final Map<String, Long> revenue = new TreeMap<>();
    }

    private static final class Top {
        final String id;
        String name;
        long quantity;
        final Map<String, Long> revenue = new TreeMap<>();
        long total;

        Top(String id) {
            this.id = id;
        }
    }

    public JsonObject series(Instant from, Instant to, Granularity granularity) {
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from must be before to");
        }
        Map<Instant, Bucket> buckets = new LinkedHashMap<>();
        for (Instant b = granularity.start(from); b.isBefore(to); b = granularity.next(b)) {
            buckets.put(b, new Bucket());
            if (buckets.size() > MAX_BUCKETS) {
                throw ApiException.badRequest("Too many " + granularity.name().toLowerCase() + " buckets (at most "
                        + MAX_BUCKETS + "): choose a shorter range or a coarser granularity");
            }
        }
        Date f = Date.from(from);
        Date t = Date.from(to);
        for (Document d : database.getCollection(ReadModel.USERS)
                .find(Filters.and(Filters.gte("registeredAt", f), Filters.lt("registeredAt", t)))
                .projection(Projections.include("registeredAt"))) {
            bucket(buckets, granularity, d.getDate("registeredAt")).signups++;
        }
        for (Document d : database.getCollection(ReadModel.ORDERS)
                .find(Filters.and(Filters.gte("createdAt", f), Filters.lt("createdAt", t)))
                .projection(Projections.include("createdAt"))) {
            bucket(buckets, granularity, d.getDate("createdAt")).orders++;
        }
        for (Document d : database.getCollection(ReadModel.ORDERS)
                .find(Filters.and(Filters.gte("paidAt", f), Filters.lt("paidAt", t)))) {
            bucket(buckets, granularity, d.getDate("paidAt")).revenue.merge(d.getString("paidCurrency"),
                    number(d.get("paidCents")), Long::sum);
        }
        for (Document d : database.getCollection(ReadModel.ORDERS)
                .find(Filters.and(Filters.gte("refundedAt", f), Filters.lt("refundedAt", t)))) {
            bucket(buckets, granularity, d.getDate("refundedAt")).revenue.merge(d.getString("refundCurrency"),
                    -number(d.get("refundedCents")), Long::sum);
        }
        Map<String, Top> products = new HashMap<>();
        Map<String, Top> vendors = new HashMap<>();
        for (Document d : database.getCollection(ReadModel.SALES).find(Filters.and(Filters.gte("at", f), Filters.lt("at", t)))) {
            long cents = number(d.get("cents"));
            long quantity = number(d.get("quantity"));
            String currency = d.getString("currency");
            Top p = products.computeIfAbsent(d.getString("productId"), Top::new);
            p.name = d.getString("productName");
            add(p, quantity, cents, currency);
            if (d.getString("vendorId") != null) {
                add(vendors.computeIfAbsent(d.getString("vendorId"), Top::new), quantity, cents, currency);
            }
        }
        JsonArrayBuilder series = Json.createArrayBuilder();
        buckets.forEach((start, b) -> series.add(Json.createObjectBuilder().add("period", start.toString())
                .add("signups", b.signups).add("orders", b.orders).add("revenue", Dashboard.money(b.revenue))));
        return Json.createObjectBuilder().add("from", from.toString()).add("to", to.toString())
                .add("granularity", granularity.name().toLowerCase()).add("series", series)
                .add("topProducts", top(products, "productId")).add("topVendors", top(vendors, "vendorId")).build();
    }

    private static void add(Top top, long quantity, long cents, String currency) {
        top.quantity += quantity;
        top.total += cents;
        top.revenue.merge(currency, cents, Long::sum);
    }

    private static JsonArrayBuilder top(Map<String, Top> all, String idField) {
        List<Top> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparingLong((Top x) -> x.total).reversed().thenComparing(x -> x.id));
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Top top : sorted.subList(0, Math.min(TOP, sorted.size()))) {
            var o = Json.createObjectBuilder().add(idField, top.id).add("quantity", top.quantity)
                    .add("revenue", Dashboard.money(top.revenue));
            if (top.name != null) {
                o.add("name", top.name);
            }
            a.add(o);
        }
        return a;
    }

    private static Bucket bucket(Map<Instant, Bucket> buckets, Granularity g, Date at) {
        Bucket b = buckets.get(g.start(at.toInstant()));
        return b == null ? new Bucket() : b;
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

}
