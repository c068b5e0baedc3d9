package com.autopilotmonster.content.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The content server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class ContentServerIT extends ServiceContractTest {
}
