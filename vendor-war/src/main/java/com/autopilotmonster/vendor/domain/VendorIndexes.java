package com.autopilotmonster.vendor.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The ledger's one-effect guarantee is an index: a sale or refund line is unique per (eventId, productId). The
 * rest serve the reads (a vendor's entries, due pending credits, payouts by vendor and status).
 */
@ApplicationScoped
public class VendorIndexes implements IndexContributor {

    @Override
    public Map<String, List<IndexModel>> indexes() {
        return Map.of(
                LedgerEntry.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("eventId", "productId"),
                                new IndexOptions().unique(true).name("eventId_1_productId_1")),
                        new IndexModel(Indexes.ascending("vendorId", "createdAt")),
                        new IndexModel(Indexes.ascending("state", "availableAt")),
                        new IndexModel(Indexes.ascending("orderId", "productId"))),
                Payout.COLLECTION, List.of(new IndexModel(Indexes.ascending("vendorId", "status")),
                        new IndexModel(Indexes.ascending("status", "requestedAt"))),
                Vendor.COLLECTION, List.of(new IndexModel(Indexes.ascending("status", "createdAt"))),
                Balances.COLLECTION, List.of(new IndexModel(Indexes.ascending("vendorId"))),
                Ratings.COLLECTION, List.of(new IndexModel(Indexes.ascending("vendorId")),
                        new IndexModel(Indexes.ascending("productId"))));
    }
}
