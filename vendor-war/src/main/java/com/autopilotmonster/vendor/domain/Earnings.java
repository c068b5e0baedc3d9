package com.autopilotmonster.vendor.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A vendor's money per currency. Always {@code lifetime = pending + available + inFlight + paidOut}: lifetime is
 * every net credit minus every refund; available can be negative after a refund of money already paid out.
 */
@ApplicationScoped
public class Earnings {

    @Inject
    Ledger ledger;

    @Inject
    Balances balances;

    @Inject
    Payouts payouts;

    @Inject
    VendorSettings settings;

    @JsonbPropertyOrder({"currency", "lifetime", "pending", "available", "inFlight", "paidOut", "negativeBalance"})
    public record Totals(String currency, BigDecimal lifetime, BigDecimal pending, BigDecimal available,
                         BigDecimal inFlight, BigDecimal paidOut, boolean negativeBalance) {
    }

    /**
     * The ledger's view plus the original web client's VendorEarnings (in the vendor's main currency, the settings'
     * {@code currency}): {@code availableBalance}, {@code pendingClearance}, {@code lifetimeEarnings};
     * {@code lastPayoutDate} (the last paid payout) and {@code nextPayoutDate} (when the next pending credit becomes
     * available) are left out when there is none.
     */
    @JsonbPropertyOrder({"vendorId", "currency", "availableBalance", "pendingClearance", "lifetimeEarnings",
            "lastPayoutDate", "nextPayoutDate", "totals", "settings", "entries", "pagination"})
    public record View(String vendorId, String currency, BigDecimal availableBalance, BigDecimal pendingClearance,
                       BigDecimal lifetimeEarnings, Instant lastPayoutDate, Instant nextPayoutDate, List<Totals> totals,
                       Map<String, Object> settings, List<LedgerEntry> entries,
                       com.autopilotmonster.common.api.Pagination pagination) {
    }

    public View of(String vendorId, int page, int limit) {
        ledger.settle(vendorId);
        Map<String, long[]> ledgerSums = ledger.sums(vendorId);
        Map<String, long[]> payoutSums = payouts.sums(vendorId);
        TreeSet<String> currencies = new TreeSet<>(ledgerSums.keySet());
        currencies.addAll(payoutSums.keySet());
        currencies.addAll(balances.currencies(vendorId));
        List<Totals> totals = new ArrayList<>();
        for (String c : currencies) {
            long[] l = ledgerSums.getOrDefault(c, new long[2]);
            long[] p = payoutSums.getOrDefault(c, new long[2]);
            long available = balances.available(vendorId, c);
            totals.add(new Totals(c, Money.amount(l[0]), Money.amount(l[1]), Money.amount(available), Money.amount(p[1]),
                    Money.amount(p[0]), available < 0));
        }
        String main = settings.currency();
        Totals inMain = totals.stream().filter(t -> t.currency().equals(main)).findFirst()
                .orElse(new Totals(main, Money.amount(0), Money.amount(0), Money.amount(0), Money.amount(0),
                        Money.amount(0), false));
        VendorSettings.Current s = settings.current();
        Map<String, Object> shown = Map.of("commissionRate", s.commissionRate().toPlainString(),
                "payoutMinimum", s.payoutMinimum().toPlainString(), "payoutHoldingDays", s.payoutHoldingDays(),
                "holdingUnit", s.holdingUnit());
        return new View(vendorId, main, inMain.available(), inMain.pending(), inMain.lifetime(),
                payouts.lastPaidAt(vendorId, main).orElse(null), ledger.nextAvailableAt(vendorId, main).orElse(null),
                totals, shown, ledger.entries(vendorId, page, limit),
                com.autopilotmonster.common.api.Pagination.of(page, limit, ledger.count(vendorId)));
    }
}
