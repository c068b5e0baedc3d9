package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The marketplace server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class MarketplaceServerIT extends ServiceContractTest {
}
