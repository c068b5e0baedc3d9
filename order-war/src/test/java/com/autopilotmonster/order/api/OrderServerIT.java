package com.autopilotmonster.order.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The order server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class OrderServerIT extends ServiceContractTest {
}
