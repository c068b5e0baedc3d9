package com.autopilotmonster.order.domain;

import org.bson.Document;

/** The spec's billing address, validated at the API boundary. */
public record BillingAddress(String name, String email, String address, String city, String country, String zip) {

    Document toDocument() {
        return new Document("name", name).append("email", email).append("address", address).append("city", city)
                .append("country", country).append("zip", zip);
    }

    static BillingAddress from(Document d) {
        return d == null ? null : new BillingAddress(d.getString("name"), d.getString("email"), d.getString("address"),
                d.getString("city"), d.getString("country"), d.getString("zip"));
    }
}
