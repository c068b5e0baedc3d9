package com.autopilotmonster.auth.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The spec's unique email index, and the refresh-token lookups (expired tokens removed by TTL where supported). */
@ApplicationScoped
public class AuthIndexes implements IndexContributor {

    @Override
    public Map<String, List<IndexModel>> indexes() {
        return Map.of(
                "users", List.of(new IndexModel(Indexes.ascending("email"), new IndexOptions().unique(true).name("email_1"))),
                RefreshTokens.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("familyId")),
                        new IndexModel(Indexes.ascending("userId")),
                        new IndexModel(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS))),
                EmailTokens.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("userId")),
                        new IndexModel(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(86400L, TimeUnit.SECONDS))));
    }
}
