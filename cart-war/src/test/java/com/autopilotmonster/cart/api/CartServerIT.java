package com.autopilotmonster.cart.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The cart server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class CartServerIT extends ServiceContractTest {
}
