package com.autopilotmonster.content.api;

import com.autopilotmonster.common.api.NoEnvelope;
import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.api.PageRequest;
import com.autopilotmonster.common.api.ResponseMessage;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.common.problem.FieldViolation;
import com.autopilotmonster.common.security.CurrentUser;
import com.autopilotmonster.content.domain.Inputs;
import com.autopilotmonster.content.domain.Inputs.JobInput;
import com.autopilotmonster.content.domain.Inputs.JsonApplication;
import com.autopilotmonster.content.domain.Jobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Careers: open jobs, applications (multipart with a PDF résumé, or the web client's JSON with a résumé link). */
@Path("/content/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs")
public class JobResource {

    private static final int TEXT_PART_MAX = 20_000;

    @Inject
    Jobs jobs;

    @Inject
    Validator validator;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Open jobs (?department=&location=&type=&page=&limit=): data is the array the web client reads "
            + "(JobListing[]); the paging is in X-Total-Count, X-Page, X-Limit, X-Total-Pages and Link")
    public Response list(@QueryParam("department") @Size(max = 80) String department,
                         @QueryParam("location") @Size(max = 120) String location,
                         @QueryParam("type") @Pattern(regexp = "full-time|part-time|contract|remote") String type,
                         @BeanParam @Valid PageRequest paging) {
        return PagedArray.of(jobs.list(department, location, type, paging.page(), paging.limit()), uriInfo);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job (open or closed)")
    public Map<String, Object> get(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a job id") String id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ResponseMessage("Application received")
    @Operation(summary = "Apply with a form: name, email, phone, coverLetter and a PDF file part 'resume' (at most content.resume-max-bytes)")
    public Response applyWithForm(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a job id") String id,
                                  List<EntityPart> parts) throws IOException {
        Map<String, String> fields = new HashMap<>();
        Jobs.Resume resume = null;
        for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
            String name = part.getName();
            if ("resume".equals(name) && part.getFileName().isPresent()) {
                byte[] bytes = readAtMost(part.getContent(), jobs.resumeMaxBytes());
                if (bytes == null) {
                    throw new ApiException(413, "payload-too-large", "Content Too Large",
                            "The résumé exceeds " + jobs.resumeMaxBytes() + " bytes");
                }
                if (!Jobs.looksLikePdf(bytes)) {
                    throw new ApiException(415, "unsupported-media-type", "Unsupported Media Type",
                            "The résumé must be a PDF document");
                }
                resume = new Jobs.Resume(part.getFileName().get(), bytes);
            } else if (Set.of("name", "email", "phone", "coverLetter", "resume").contains(name)) {
                byte[] bytes = readAtMost(part.getContent(), TEXT_PART_MAX);
                if (bytes == null) {
                    throw ApiException.badRequest(name + " is too long");
                }
                fields.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        JsonApplication form = new JsonApplication(fields.get("name"), fields.get("email"), fields.get("phone"),
                resume != null ? "https://upload.invalid/resume.pdf" : fields.get("resume"), fields.get("coverLetter"));
        validate(form);
        Jobs.Applied applied = jobs.apply(id, form.name(), form.email(), form.phone(), form.coverLetter(),
                resume == null ? form.resume() : null, resume);
        return Response.status(applied.created() ? 201 : 200).entity(applied.application()).build();
    }

    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseMessage("Application received")
    @Operation(summary = "Apply with the web client's JSON: name, email, phone, resume (a link), coverLetter")
    public Response applyWithJson(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a job id") String id,
                                  @NotNull(message = "a JSON body is required") @Valid JsonApplication body) {
        Jobs.Applied applied = jobs.apply(id, body.name(), body.email(), body.phone(), body.coverLetter(), body.resume(), null);
        return Response.status(applied.created() ? 201 : 200).entity(applied.application()).build();
    }

    // ---- admin

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Job created")
    @Operation(summary = "Create a job (admin)")
    public Response create(@NotNull(message = "a JSON body is required") @Valid JobInput body) {
        return Response.status(Response.Status.CREATED).entity(jobs.create(body)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Job updated")
    @Operation(summary = "Update a job (admin)")
    public Map<String, Object> update(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a job id") String id,
                                      @NotNull(message = "a JSON body is required") @Valid JobInput body) {
        return jobs.update(id, body);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Job closed")
    @Operation(summary = "Close a job (admin): no more applications")
    public Map<String, Object> close(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a job id") String id) {
        return jobs.close(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @ResponseMessage("Job deleted")
    @Operation(summary = "Delete a job (admin)")
    public Map<String, Object> delete(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a job id") String id) {
        jobs.delete(id);
        return Map.of("jobId", id, "deleted", true);
    }

    @GET
    @Path("/{id}/applications")
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "A job's applications, newest first (admin)")
    public Page<Map<String, Object>> applications(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a job id") String id,
                                                  @BeanParam @Valid PageRequest paging) {
        return jobs.applications(id, paging.page(), paging.limit()).named("applications");
    }

    @GET
    @Path("/{id}/applications/{applicationId}/resume")
    @NoEnvelope
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed(CurrentUser.ADMIN)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Download an application's résumé (admin)")
    public Response resume(@PathParam("id") @Pattern(regexp = Inputs.ID, message = "must be a job id") String id,
                           @PathParam("applicationId") @Pattern(regexp = Inputs.ID, message = "must be an application id") String applicationId) {
        Jobs.StoredResume stored = jobs.resume(id, applicationId);
        StreamingOutput body = out -> jobs.download(stored.fileId(), out);
        String ascii = stored.filename().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(body, "application/pdf").header("Content-Length", stored.length())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(stored.filename(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    private void validate(JsonApplication form) {
        Set<ConstraintViolation<JsonApplication>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            List<FieldViolation> errors = violations.stream()
                    .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage())).toList();
            throw ApiException.validation(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    /** The stream's bytes, or null when it holds more than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
