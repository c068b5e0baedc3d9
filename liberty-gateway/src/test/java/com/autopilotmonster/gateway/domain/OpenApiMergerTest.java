package com.autopilotmonster.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void aComponentEqualInTextButReferringToARenamedOneIsRenamedToo() {
        // both services have Page -> Item, equal as text, but their Items differ: sharing Page would point
        // the second service's pages at the first service's items
        JsonObject first = json("{'openapi':'3.0.3','paths':{'/api/a/x':{'get':{'responses':{'200':{'description':'OK',"
                + "'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Page'}}}}}}}},"
                + "'components':{'schemas':{'Page':{'type':'array','items':{'$ref':'#/components/schemas/Item'}},"
                + "'Item':{'type':'object','properties':{'a':{'type':'string'}}}}}}");
        JsonObject second = json("{'openapi':'3.0.3','paths':{'/api/b/y':{'get':{'responses':{'200':{'description':'OK',"
                + "'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Page'}}}}}}}},"
                + "'components':{'schemas':{'Page':{'type':'array','items':{'$ref':'#/components/schemas/Item'}},"
                + "'Item':{'type':'object','properties':{'b':{'type':'integer'}}}}}}");
        JsonObject merged = new OpenApiMerger().merge(List.of(new OpenApiMerger.Source("a", "/api/a", first, null),
                new OpenApiMerger.Source("b", "/api/b", second, null)), "http://gw", "t", "1");

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(4, schemas.size(), schemas::toString);
        assertEquals("#/components/schemas/b_Item",
                schemas.getJsonObject("b_Page").getJsonObject("items").getString("$ref"));
        assertEquals("#/components/schemas/b_Page", merged.getJsonObject("paths").getJsonObject("/api/b/y")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals("#/components/schemas/Item",
                schemas.getJsonObject("Page").getJsonObject("items").getString("$ref"));
    }

    @Test
    void pathsAreJoinedToTheServersPathAndKeptOnlyUnderTheRoute() {
        JsonObject doc = json("{'openapi':'3.0.3','servers':[{'url':'http://localhost:4009/api/cart/'}],"
                + "'paths':{'/':{'get':{'responses':{'200':{'description':'OK'}}}},"
                + "'items/{id}':{'delete':{'responses':{'204':{'description':'gone'}}}}}}");
        JsonObject outside = json("{'openapi':'3.0.3','paths':{'/health/ready':{'get':{'responses':{'200':"
                + "{'description':'OK'}}}},'/api/cartoon':{'get':{'responses':{'200':{'description':'OK'}}}}}}");
        JsonObject merged = new OpenApiMerger().merge(List.of(new OpenApiMerger.Source("cart", "/api/cart", doc, null),
                new OpenApiMerger.Source("cart", "/api/cart", outside, null)), "http://gw", "t", "1");
        JsonObject paths = merged.getJsonObject("paths");
        assertTrue(paths.containsKey("/api/cart"));
        assertTrue(paths.containsKey("/api/cart/items/{id}"));
        assertFalse(paths.containsKey("/health/ready"));
        assertFalse(paths.containsKey("/api/cartoon"));
    }

    @Test
    void aMissingServiceIsNotedNotFatal() {
        JsonObject merged = new OpenApiMerger().merge(List.of(new OpenApiMerger.Source("cart", "/api/cart", null,
                "unreachable")), "http://gw", "t", "1");
        assertEquals("unavailable", merged.getJsonObject("info").getJsonObject("x-services").getJsonObject("cart")
                .getString("status"));
        assertEquals(0, merged.getJsonObject("paths").size());
        assertEquals("http://gw", merged.getJsonArray("servers").getJsonObject(0).getString("url"));
    }
}
