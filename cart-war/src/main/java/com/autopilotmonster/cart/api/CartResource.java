package com.autopilotmonster.cart.api;

import com.autopilotmonster.cart.domain.Cart;
import com.autopilotmonster.cart.domain.CartService;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's cart. The user comes from the verified token only - no path or body names a
 * user - so nobody can read or change another's cart. Every answer is the whole cart.
 */
@Path("/cart")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({CurrentUser.USER, CurrentUser.VENDOR, CurrentUser.ADMIN})
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "cart")
public class CartResource {

    @Inject
    CartService carts;

    @Inject
    CurrentUser currentUser;

    /** The caller's own token, handed on to the marketplace for coupon quotes. */
    @HeaderParam("Authorization")
    String authorization;

    @GET
    @Operation(summary = "The caller's cart (an empty cart if there is none)")
    public CartView get() {
        return view(carts.get(currentUser.id()));
    }

    @POST
    @Path("/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Item added to cart")
    @Operation(summary = "Add an active product (quantity defaults to 1; again adds to the same line)")
    public CartView add(@Valid @NotNull CartRequests.AddItem body) {
        return requoted(carts.add(currentUser.id(), CartRequests.id(body.productId()), CartRequests.wholeNumber(body.quantity())));
    }

    @PUT
    @Path("/items/{productId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Cart item updated")
    @Operation(summary = "Set the quantity of the product's line")
    public CartView update(@PathParam("productId") @Pattern(regexp = CartRequests.OBJECT_ID,
            message = "must be a product id (24 hex characters)") String productId,
                           @Valid @NotNull CartRequests.UpdateItem body) {
        return requoted(carts.setQuantity(currentUser.id(), CartRequests.id(productId), CartRequests.wholeNumber(body.quantity())));
    }

    @DELETE
    @Path("/items/{productId}")
    @ResponseMessage("Item removed from cart")
    @Operation(summary = "Remove the product's line")
    public CartView remove(@PathParam("productId") @Pattern(regexp = CartRequests.OBJECT_ID,
            message = "must be a product id (24 hex characters)") String productId) {
        return requoted(carts.remove(currentUser.id(), CartRequests.id(productId)));
    }

    @DELETE
    @ResponseMessage("Cart cleared")
    @Operation(summary = "Empty the cart")
    public CartView clear() {
        return view(carts.clear(currentUser.id()));
    }

    @POST
    @Path("/coupon")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Coupon applied successfully")
    @Operation(summary = "Apply a coupon (404 unknown, 422 not usable for this cart); the discount is the marketplace's quote")
    public CartView applyCoupon(@Valid @NotNull CartRequests.ApplyCoupon body) {
        return view(carts.applyCoupon(currentUser.id(), authorization, body.theCode()));
    }

    @DELETE
    @Path("/coupon")
    @ResponseMessage("Coupon removed successfully")
    @Operation(summary = "Remove the applied coupon")
    public CartView removeCoupon() {
        return view(carts.removeCoupon(currentUser.id()));
    }

    private CartView requoted(Cart cart) {
        return view(carts.requote(currentUser.id(), authorization, cart));
    }

    private CartView view(Cart cart) {
        return CartView.of(cart, carts.totals(cart), carts.currency());
    }
}
