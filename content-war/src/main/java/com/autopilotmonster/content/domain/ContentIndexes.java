package com.autopilotmonster.content.domain;

import com.autopilotmonster.common.data.IndexContributor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Unique slugs per kind, one vote per (article, voter), one application per (job, email), and the list reads. */
@ApplicationScoped
public class ContentIndexes implements IndexContributor {

    @Override
    public Map<String, List<IndexModel>> indexes() {
        return Map.of(
                Blogs.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_1")),
                        new IndexModel(Indexes.ascending("status", "publishedAt")),
                        new IndexModel(Indexes.ascending("tags")),
                        new IndexModel(Indexes.ascending("category"))),
                HelpCentre.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_1")),
                        new IndexModel(Indexes.ascending("status", "category"))),
                HelpCentre.VOTES, List.of(new IndexModel(Indexes.ascending("articleId", "voter"),
                        new IndexOptions().unique(true).name("articleId_1_voter_1"))),
                Tutorials.COLLECTION, List.of(
                        new IndexModel(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_1")),
                        new IndexModel(Indexes.ascending("status", "createdAt"))),
                Jobs.COLLECTION, List.of(new IndexModel(Indexes.ascending("status", "postedAt"))),
                Jobs.APPLICATIONS, List.of(new IndexModel(Indexes.ascending("jobId", "email"),
                        new IndexOptions().unique(true).name("jobId_1_email_1"))),
                Slugs.COLLECTION, List.of(new IndexModel(Indexes.ascending("kind", "owner"))));
    }
}
