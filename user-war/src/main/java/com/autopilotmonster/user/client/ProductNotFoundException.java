package com.autopilotmonster.user.client;

/** The marketplace has no active product with this id (it answered 404): not a failure of the marketplace. */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(String productId) {
        super("Product " + productId + " not found or not available", null, false, false);
    }
}
