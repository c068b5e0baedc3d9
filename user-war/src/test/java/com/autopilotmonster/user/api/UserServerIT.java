package com.autopilotmonster.user.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The user server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class UserServerIT extends ServiceContractTest {
}
