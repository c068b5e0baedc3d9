package com.autopilotmonster.common.data;

import com.mongodb.client.model.IndexModel;
import java.util.List;
import java.util.Map;

/**
 * A service declares the indexes of its collections (the spec's) by providing a CDI bean of this type;
 * {@link IndexInitializer} creates them at start-up.
 */
public interface IndexContributor {

    /** collection name -> its indexes. */
    Map<String, List<IndexModel>> indexes();
}
