package com.autopilotmonster.common.data;

import com.autopilotmonster.common.data.scan.ScannedDocument;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformClassScannerTest {

    @Test
    void findsTheEntitiesOfTheScannedPackages() {
        PlatformClassScanner scanner = new PlatformClassScanner("com.autopilotmonster.common.data.scan");
        assertEquals(java.util.Set.of(ScannedDocument.class), scanner.entities());
        assertTrue(scanner.embeddables().isEmpty());
        assertTrue(scanner.repositories().isEmpty());
    }

    @Test
    void leavesOtherPackagesUnread() {
        PlatformClassScanner scanner = new PlatformClassScanner("com.autopilotmonster.common.web");
        assertTrue(scanner.entities().isEmpty(), "an entity outside the scanned packages was found");
    }

    @Test
    void defaultPackagesCoverThePlatform() {
        assertTrue(new PlatformClassScanner().entities().contains(ScannedDocument.class));
    }

    @Test
    void jnosqlLoadsThisScannerThroughTheServiceFile() {
        assertInstanceOf(PlatformClassScanner.class, ClassScanner.load());
    }
}
