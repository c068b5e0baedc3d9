package com.autopilotmonster.vendor.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The vendor server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class VendorServerIT extends ServiceContractTest {
}
