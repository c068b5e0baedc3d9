package com.autopilotmonster.marketplace.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.marketplace.domain.Review;
import com.autopilotmonster.marketplace.domain.Reviews;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reviews of a product: public reading, one review per signed-in user, marked when the reviewer bought it. */
@Path("/marketplace/products/{id}/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reviews")
public class ReviewResource {

    @Inject
    Reviews reviews;

    @Inject
    CurrentUser currentUser;

    /** A BigDecimal so that 4.5 is refused as a fraction instead of being truncated to 4 by JSON-B. */
    public record ReviewRequest(@NotNull @Min(1) @Max(5) @Digits(integer = 1, fraction = 0, message = "must be a whole number")
                                BigDecimal rating, @Size(max = 200) String title, @Size(max = 2000) String comment) {
    }

    @JsonbPropertyOrder({"id", "reviewId", "productId", "userId", "userName", "rating", "title", "comment",
            "isVerifiedPurchase", "createdAt"})
    public record ReviewView(@JsonbProperty("_id") String id, String reviewId, String productId, String userId,
                             String userName, int rating, String title, String comment,
                             @JsonbProperty("isVerifiedPurchase") boolean verifiedPurchase, Instant createdAt) {
        static ReviewView of(Review r) {
            return new ReviewView(r.id(), r.id(), r.productId(), r.userId(), r.userName(), r.rating(), r.title(),
                    r.comment(), r.verifiedPurchase(), r.createdAt());
        }
    }

    @GET
    @PermitAll
    @Operation(summary = "Reviews of an active product, newest first")
    public Page<ReviewView> list(@PathParam("id") String id, @BeanParam @Valid PageRequest paging) {
        return reviews.of(id, paging).map(ReviewView::of).named("reviews");
    }

    @POST
    @RolesAllowed({"user", "vendor", "admin"})
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Review added")
    @Operation(summary = "Review an active product once (rating 1..5); updates its rating and reviewCount")
    public Response add(@PathParam("id") String id, @Valid @NotNull ReviewRequest body) {
        Review review = reviews.add(id, currentUser.id(), currentUser.name(), body.rating().intValueExact(),
                blankToNull(body.title()), blankToNull(body.comment()));
        return Response.status(Response.Status.CREATED).entity(ReviewView.of(review)).build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
