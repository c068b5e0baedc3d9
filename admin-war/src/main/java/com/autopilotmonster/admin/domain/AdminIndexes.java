package com.autopilotmonster.admin.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** The audit log's filters and the read model's time and status queries (served by real MongoDB). */
@ApplicationScoped
public class AdminIndexes implements IndexContributor {

    @Override
    public Map<String, List<IndexModel>> indexes() {
        return Map.of(
                AuditLog.COLLECTION, List.of(
                        new IndexModel(Indexes.descending("timestamp")),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("actorId"), Indexes.descending("timestamp"))),
                        new IndexModel(Indexes.compoundIndex(Indexes.ascending("action"), Indexes.descending("timestamp"))),
                        new IndexModel(Indexes.ascending("targetType", "targetId"))),
                ReadModel.USERS, List.of(new IndexModel(Indexes.ascending("registeredAt")), new IndexModel(Indexes.ascending("role"))),
                ReadModel.ORDERS, List.of(new IndexModel(Indexes.ascending("createdAt")), new IndexModel(Indexes.ascending("paidAt")),
                        new IndexModel(Indexes.ascending("refundedAt"))),
                ReadModel.PRODUCTS, List.of(new IndexModel(Indexes.ascending("status"))),
                ReadModel.VENDORS, List.of(new IndexModel(Indexes.ascending("status"))),
                ReadModel.PAYOUTS, List.of(new IndexModel(Indexes.ascending("status"))),
                ReadModel.SALES, List.of(new IndexModel(Indexes.ascending("at"))));
    }
}
