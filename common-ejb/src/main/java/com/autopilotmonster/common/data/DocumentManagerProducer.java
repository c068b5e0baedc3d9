package com.autopilotmonster.common.data;

import com.mongodb.client.MongoClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;
import org.eclipse.jnosql.mapping.Database;
import org.eclipse.jnosql.mapping.DatabaseType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives Eclipse JNoSQL (Template, MongoDBTemplate, repositories) the same client and database as the rest
 * of the service, instead of JNoSQL opening a second connection pool from its own settings.
 */
@ApplicationScoped
public class DocumentManagerProducer {

    @Inject
    MongoClient client;

    @Inject
    @ConfigProperty(name = "mongodb.database", defaultValue = "autopilot")
    String database;

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    @Default
    @Database(DatabaseType.DOCUMENT)
    MongoDBDocumentManager documentManager() {
        return new MongoDBDocumentConfiguration().get(client).apply(database);
    }
}
