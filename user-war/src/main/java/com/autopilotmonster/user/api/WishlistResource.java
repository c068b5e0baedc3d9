package com.autopilotmonster.user.api;

import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.user.domain.Wishlists;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's wishlist ({@code {userId, items: [...]}} as the original service answered). Name and price
 * sent by a client are ignored: they come from the catalog.
 */
@Path("/users/wishlist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({CurrentUser.USER, CurrentUser.VENDOR, CurrentUser.ADMIN})
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "wishlist")
public class WishlistResource {

    public record AddItem(@NotNull @Pattern(regexp = Ids.OBJECT_ID, message = Ids.OBJECT_ID_MESSAGE) String productId) {
    }

    @Inject
    Wishlists wishlists;

    @Inject
    CurrentUser currentUser;

    @GET
    @ResponseMessage("Wishlist retrieved successfully")
    @Operation(summary = "The caller's wishlist with each product's current name, price and availability")
    public Map<String, Object> get() {
        return wishlists.get(currentUser.id());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Item added to wishlist")
    @Operation(summary = "Add an active product (once; adding again changes nothing)")
    public Map<String, Object> add(@Valid @NotNull AddItem body) {
        return wishlists.add(currentUser.id(), Ids.id(body.productId()));
    }

    @DELETE
    @Path("/{productId}")
    @ResponseMessage("Item removed from wishlist")
    @Operation(summary = "Remove a product from the wishlist")
    public Map<String, Object> remove(@PathParam("productId") @Pattern(regexp = Ids.OBJECT_ID,
            message = Ids.OBJECT_ID_MESSAGE) String productId) {
        return wishlists.remove(currentUser.id(), Ids.id(productId));
    }
}
