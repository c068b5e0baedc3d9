package com.autopilotmonster.user.client;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The marketplace's envelope around a product, only the fields the user service uses (JSON-B ignores the rest).
 * Mutable classes rather than records so absent optional fields simply stay null.
 */
public class ProductResponse {

    public boolean success;
    public Product data;

    public static class Product {
        @JsonbProperty("_id")
        public String id;
        public String vendorId;
        public String name;
        public BigDecimal price;
        public String thumbnail;
        public List<String> images;
        public String status;
    }
}
