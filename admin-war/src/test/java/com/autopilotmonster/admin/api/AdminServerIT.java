package com.autopilotmonster.admin.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The admin server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class AdminServerIT extends ServiceContractTest {
}
