package com.autopilotmonster.vendor.domain;

import com.autopilotmonster.common.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sales analytics from the ledger (the read model fed by {@code payment.success} and {@code order.refunded}):
 * per period (UTC days, ISO weeks starting Monday, or months) and per product, in one currency; each product
 * also carries its rating and review count ({@link Ratings}, all time).
 */
@ApplicationScoped
public class Analytics {

    static final Duration MAX_SPAN = Duration.ofDays(366);

    @Inject
    Ledger ledger;

    @Inject
    Vendors vendors;

    @Inject
    Ratings ratings;

    @JsonbPropertyOrder({"productId", "productName", "sales", "units", "revenue", "net", "refunds", "rating",
            "reviewCount"})
    public static final class ProductStats {
        public String productId;
        public String productName;
        public long sales;
        public long units;
        public long refunds;
        /** from the product's reviews (all time, not the period) */
        public double rating;
        public long reviewCount;
        long revenueCents;
        long netCents;

        public BigDecimal getRevenue() {
            return Money.amount(revenueCents);
        }

        public BigDecimal getNet() {
            return Money.amount(netCents);
        }
    }

    @JsonbPropertyOrder({"period", "sales", "units", "revenue", "net", "refunds"})
    public static final class Point {
        public String period;
        public long sales;
        public long units;
        public long refunds;
        long revenueCents;
        long netCents;

        public BigDecimal getRevenue() {
            return Money.amount(revenueCents);
        }

        public BigDecimal getNet() {
            return Money.amount(netCents);
        }
    }

    /**
     * The period's figures plus the original web client's VendorAnalytics headline, which ignores the period: all
     * time ({@code totalRevenue} gross in the view's currency, refunds subtracted; {@code totalDownloads} units sold
     * in any currency, as the marketplace counts {@code downloadCount}; {@code totalProducts} from the product
     * events) and the last 30 days against the 30 before ({@code monthlyRevenue}, {@code monthlyDownloads}, growth
     * in percent with one decimal, left out when the earlier 30 days had nothing to compare with).
     */
    @JsonbPropertyOrder({"vendorId", "from", "to", "granularity", "currency", "totalRevenue", "totalDownloads",
            "totalProducts", "averageRating", "monthlyRevenue", "monthlyDownloads", "revenueGrowth", "downloadsGrowth",
            "salesCount", "ordersCount", "unitsSold", "refundsCount", "revenue", "net", "topProducts", "products",
            "series"})
    public record View(String vendorId, Instant from, Instant to, String granularity, String currency,
                       BigDecimal totalRevenue, long totalDownloads, long totalProducts, BigDecimal monthlyRevenue,
                       long monthlyDownloads, Double revenueGrowth, Double downloadsGrowth, long salesCount,
                       long ordersCount, long unitsSold, long refundsCount, BigDecimal revenue, BigDecimal net,
                       double averageRating, List<ProductStats> topProducts, List<ProductStats> products,
                       List<Point> series) {
    }

    static final Duration MONTH = Duration.ofDays(30);

    public View of(String vendorId, Instant from, Instant to, String granularity, String currency) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw ApiException.badRequest("at most 366 days at once");
        }
        Map<String, ProductStats> products = new LinkedHashMap<>();
        Map<String, Point> series = new LinkedHashMap<>();
        // every period of the range, so a chart has its empty days too
        for (LocalDate d = bucket(start, granularity); !d.isAfter(end.atZone(ZoneOffset.UTC).toLocalDate());
             d = next(d, granularity)) {
            Point p = new Point();
            p.period = d.toString();
            series.put(p.period, p);
        }
        Set<String> orders = new HashSet<>();
        long sales = 0;
        long units = 0;
        long refunds = 0;
        long revenue = 0;
        long net = 0;
        for (LedgerEntry e : ledger.between(vendorId, start, end)) {
            if (!currency.equals(e.currency())) {
                continue;
            }
            boolean sale = LedgerEntry.SALE.equals(e.type());
            long g = Money.cents(e.gross());
            long n = Money.cents(e.net());
            ProductStats ps = products.computeIfAbsent(e.productId(), id -> {
                ProductStats s = new ProductStats();
                s.productId = id;
                return s;
            });
            ps.productName = e.productName() != null ? e.productName() : ps.productName;
            Point point = series.computeIfAbsent(bucket(e.createdAt(), granularity).toString(), k -> {
                Point p = new Point();
                p.period = k;
                return p;
            });
            if (sale) {
                sales++;
                units += e.quantity();
                orders.add(e.orderId());
                ps.sales++;
                ps.units += e.quantity();
                point.sales++;
                point.units += e.quantity();
            } else {
                refunds++;
                ps.refunds++;
                point.refunds++;
            }
            revenue += g;
            net += n;
            ps.revenueCents += g;
            ps.netCents += n;
            point.revenueCents += g;
            point.netCents += n;
        }
        List<ProductStats> all = new ArrayList<>(products.values());
        Map<String, double[]> rated = ratings.ofProducts(products.keySet());
        for (ProductStats ps : all) {
            double[] r = rated.get(ps.productId);
            if (r != null) {
                ps.rating = r[0];
                ps.reviewCount = (long) r[1];
            }
        }
        all.sort(Comparator.comparingLong((ProductStats p) -> p.revenueCents).reversed()
                .thenComparing(p -> p.productId));
        java.util.Optional<Vendor> vendor = vendors.find(vendorId);
        double rating = vendor.map(Vendor::averageRating).orElse(0.0);
        Instant now = Instant.now();
        Instant monthAgo = now.minus(MONTH);
        Instant twoMonthsAgo = monthAgo.minus(MONTH);
        long totalRevenue = 0;
        long totalDownloads = 0;
        long[] monthRevenue = new long[2];
        long[] monthDownloads = new long[2];
        for (LedgerEntry e : ledger.between(vendorId, Instant.EPOCH, now.plusSeconds(1))) {
            boolean sale = LedgerEntry.SALE.equals(e.type());
            // [0] the last 30 days, [1] the 30 before
            int month = e.createdAt().isAfter(monthAgo) ? 0 : e.createdAt().isAfter(twoMonthsAgo) ? 1 : -1;
            if (sale) {
                totalDownloads += e.quantity();
                if (month >= 0) {
                    monthDownloads[month] += e.quantity();
                }
            }
            if (currency.equals(e.currency())) {
                long g = Money.cents(e.gross());
                totalRevenue += g;
                if (month >= 0) {
                    monthRevenue[month] += g;
                }
            }
        }
        return new View(vendorId, start, end, granularity, currency, Money.amount(totalRevenue), totalDownloads,
                vendor.map(Vendor::productsCount).orElse(0L), Money.amount(monthRevenue[0]), monthDownloads[0],
                growth(monthRevenue[0], monthRevenue[1]), growth(monthDownloads[0], monthDownloads[1]), sales, orders.size(), units,
                refunds,
                Money.amount(revenue), Money.amount(net), rating, all.subList(0, Math.min(5, all.size())), all,
                new ArrayList<>(series.values()));
    }

    /** Percent change with one decimal; null when there is no earlier figure to compare with. */
    static Double growth(long current, long before) {
        if (before <= 0) {
            return null;
        }
        return BigDecimal.valueOf(current - before).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(before), 1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    static LocalDate bucket(Instant at, String granularity) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (granularity) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    static LocalDate next(LocalDate d, String granularity) {
        return switch (granularity) {
            case "week" -> d.plusWeeks(1);
            case "month" -> d.plusMonths(1);
            default -> d.plusDays(1);
        };
    }
}
