package com.autopilotmonster.common.data.scan;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/** An entity for PlatformClassScannerTest, in a package of its own so that a scan can include or leave it out. */
@Entity("scanned_documents")
public class ScannedDocument {
    @Id
    public String id;
    @Column
    public String name;
}
