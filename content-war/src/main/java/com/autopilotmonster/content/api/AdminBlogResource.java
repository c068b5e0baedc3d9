package com.autopilotmonster.content.api;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.content.domain.Blogs;
import com.autopilotmonster.content.domain.Inputs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The editors' view of the blog: every state, by id. */
@Path("/content/admin/blog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.ADMIN)
@SecurityRequirement(name = "bearerAuth")
@Tag(name = "blog admin")
public class AdminBlogResource {

    @Inject
    Blogs blogs;

    @GET
    @Operation(summary = "All posts, drafts included, last edited first (?status=)")
    public Page<Map<String, Object>> list(@QueryParam("status") @Pattern(regexp = "draft|scheduled|published|archived") String status,
                                          @BeanParam @Valid PageRequest paging) {
        return blogs.adminList(status, paging.page(), paging.limit()).named("blogs");
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Any post by id")
    public Map<String, Object> get(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a post id") String id) {
        return blogs.get(id);
    }
}
