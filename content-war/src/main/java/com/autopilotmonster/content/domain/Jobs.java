package com.autopilotmonster.content.domain;

import com.autopilotmonster.common.mail.Mailer;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Filters.or;

import com.autopilotmonster.common.api.Page;
import com.autopilotmonster.common.problem.ApiException;
import com.autopilotmonster.content.domain.Inputs.JobInput;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Job listings and applications. A résumé file is stored in GridFS of the service's database (bucket
 * {@code resumes}), never on the local disk; an application is unique per (job, email) by a unique index, so the
 * same address applying twice is one application (the second answer returns the first, nothing stored, no mail).
 */
@ApplicationScoped
public class Jobs {

    public static final String COLLECTION = "jobs";
    public static final String APPLICATIONS = "job_applications";
    private static final Set<String> HIDDEN_APPLICATION = Set.of("resumeFileId");

    @Inject
    MongoDatabase db;

    @Inject
    Mailer mailer;

    @Inject
    @ConfigProperty(name = "content.resume-max-bytes", defaultValue = "5242880")
    long resumeMaxBytes;

    MongoCollection<Document> jobs() {
        return db.getCollection(COLLECTION);
    }

    MongoCollection<Document> applications() {
        return db.getCollection(APPLICATIONS);
    }

    GridFSBucket resumes() {
        return GridFSBuckets.create(db, "resumes");
    }

    public long resumeMaxBytes() {
        return resumeMaxBytes;
    }

    /** Open: status open and no closing date in the past. */
    static Bson open() {
        return and(eq("status", "open"), or(eq("closingDate", null), gt("closingDate", new Date())));
    }

    public Page<Map<String, Object>> list(String department, String location, String type, int page, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(open()));
        if (department != null && !department.isBlank()) {
            filters.add(eq("department", Markdown.text(department)));
        }
        if (location != null && !location.isBlank()) {
            filters.add(Docs.contains("location", location.strip()));
        }
        if (type != null) {
            filters.add(eq("type", type));
        }
        Bson filter = and(filters);
        long total = jobs().countDocuments(filter);
        List<Map<String, Object>> items = new ArrayList<>();
        jobs().find(filter).sort(Sorts.descending("postedAt")).skip((page - 1) * limit).limit(limit)
                .forEach(d -> items.add(Docs.publicBody(view(d), "description", "descriptionHtml")));
        return new Page<>(items, page, limit, total);
    }

    public Map<String, Object> get(String id) {
        return Docs.publicBody(view(find(id)), "description", "descriptionHtml");
    }

    public Map<String, Object> adminGet(String id) {
        return view(find(id));
    }

    public Map<String, Object> create(JobInput in) {
        Blogs.require(in.title(), "title");
        Blogs.require(in.department(), "department");
        Blogs.require(in.location(), "location");
        Blogs.require(in.description(), "description");
        String id = new ObjectId().toHexString();
        Date now = new Date();
        Document d = new Document("_id", id).append("jobId", id).append("postedAt", now).append("createdAt", now);
        apply(d, in);
        d.putIfAbsent("status", "open");
        d.putIfAbsent("type", "full-time");
        d.putIfAbsent("requirements", List.of());
        d.putIfAbsent("responsibilities", List.of());
        d.putIfAbsent("benefits", List.of());
        d.append("updatedAt", now);
        jobs().insertOne(d);
        return view(d);
    }

    public Map<String, Object> update(String id, JobInput in) {
        Document d = find(id);
        apply(d, in);
        d.put("updatedAt", new Date());
        d.remove("_id");
        jobs().updateOne(eq("_id", id), new Document("$set", d));
        return view(find(id));
    }

    public Map<String, Object> close(String id) {
        find(id);
        jobs().updateOne(eq("_id", id), new Document("$set", new Document("status", "closed").append("updatedAt", new Date())));
        return view(find(id));
    }

    public void delete(String id) {
        if (jobs().deleteOne(eq("_id", id)).getDeletedCount() == 0) {
            throw ApiException.notFound("Job not found");
        }
    }

    /** A résumé file as received. */
    public record Resume(String filename, byte[] bytes) {
    }

    /** The stored application and whether this call created it. */
    public record Applied(Map<String, Object> application, boolean created) {
    }

    public Applied apply(String jobId, String name, String email, String phone, String coverLetter, String resumeUrl,
                         Resume resume) {
        Document job = jobs().find(eq("_id", jobId)).first();
        if (job == null) {
            throw ApiException.notFound("Job not found");
        }
        if (jobs().countDocuments(and(eq("_id", jobId), open())) == 0) {
            throw ApiException.conflict("This job is closed and no longer takes applications");
        }
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        Document existing = applications().find(and(eq("jobId", jobId), eq("email", normalisedEmail))).first();
        if (existing != null) {
            return new Applied(Docs.view(existing, HIDDEN_APPLICATION), false);
        }
        String id = new ObjectId().toHexString();
        Document a = new Document("_id", id).append("applicationId", id).append("jobId", jobId)
                .append("jobTitle", job.getString("title")).append("name", Markdown.text(name)).append("email", normalisedEmail)
                .append("status", "received").append("createdAt", new Date());
        if (phone != null && !phone.isBlank()) {
            a.append("phone", phone.strip());
        }
        if (coverLetter != null && !coverLetter.isBlank()) {
            a.append("coverLetter", Markdown.text(coverLetter));
        }
        ObjectId fileId = null;
        if (resume != null) {
            fileId = resumes().uploadFromStream(safeFilename(resume.filename()), new ByteArrayInputStream(resume.bytes()),
                    new GridFSUploadOptions().chunkSizeBytes(255 * 1024)
                            .metadata(new Document("contentType", "application/pdf").append("applicationId", id)));
            a.append("resumeFileId", fileId).append("resumeFilename", safeFilename(resume.filename()))
                    .append("resumeSize", resume.bytes().length).append("resumeContentType", "application/pdf");
        } else {
            a.append("resumeUrl", resumeUrl);
        }
        try {
            applications().insertOne(a);
        } catch (MongoWriteException e) {
            if (fileId != null) {
                resumes().delete(fileId);
            }
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document first = applications().find(and(eq("jobId", jobId), eq("email", normalisedEmail))).first();
            return new Applied(Docs.view(first, HIDDEN_APPLICATION), false);
        }
        mailer.sendLater(normalisedEmail, "We received your application: " + job.getString("title"),
                "Hello " + Markdown.text(name) + ",\n\nthank you for applying for \"" + job.getString("title")
                        + "\" at Autopilot Monster. Your application reference is " + id
                        + ".\nWe will get back to you soon.\n\nThe Autopilot Monster team\n");
        return new Applied(Docs.view(a, HIDDEN_APPLICATION), true);
    }

    public Page<Map<String, Object>> applications(String jobId, int page, int limit) {
        find(jobId);
        Bson filter = eq("jobId", jobId);
        long total = applications().countDocuments(filter);
        List<Map<String, Object>> items = new ArrayList<>();
        applications().find(filter).sort(Sorts.descending("createdAt")).skip((page - 1) * limit).limit(limit)
                .forEach(d -> items.add(Docs.view(d, HIDDEN_APPLICATION)));
        return new Page<>(items, page, limit, total);
    }

    /** The stored résumé of an application, streamed out of GridFS. */
    public record StoredResume(String filename, long length, ObjectId fileId) {
    }

    public StoredResume resume(String jobId, String applicationId) {
        Document a = applications().find(and(eq("_id", applicationId), eq("jobId", jobId))).first();
        if (a == null || a.getObjectId("resumeFileId") == null) {
            throw ApiException.notFound("No uploaded résumé for this application");
        }
        return new StoredResume(a.getString("resumeFilename"), ((Number) a.get("resumeSize")).longValue(),
                a.getObjectId("resumeFileId"));
    }

    public void download(ObjectId fileId, OutputStream out) {
        resumes().downloadToStream(fileId, out);
    }

    /**
     * A PDF by content: the {@code %PDF-} header at the start and an {@code %%EOF} marker with a
     * {@code startxref} in the file's last KiB, the trailer every PDF ends with. No full parse (a PDF library
     * such as PDFBox would be larger than this whole service).
     */
    public static boolean looksLikePdf(byte[] bytes) {
        if (bytes.length < 32) {
            return false;
        }
        String head = new String(bytes, 0, 5, StandardCharsets.ISO_8859_1);
        int tailFrom = Math.max(0, bytes.length - 1024);
        String tail = new String(bytes, tailFrom, bytes.length - tailFrom, StandardCharsets.ISO_8859_1);
        return "%PDF-".equals(head) && tail.contains("%%EOF") && tail.contains("startxref");
    }

    static String safeFilename(String name) {
        String n = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        if (n.length() > 100) {
            n = n.substring(n.length() - 100);
        }
        return n.isEmpty() ? "resume.pdf" : n;
    }

    private Document find(String id) {
        Document d = jobs().find(eq("_id", id)).first();
        if (d == null) {
            throw ApiException.notFound("Job not found");
        }
        return d;
    }

    private static Map<String, Object> view(Document d) {
        Map<String, Object> v = Docs.view(d, Set.of());
        Object closing = d.get("closingDate");
        if ("open".equals(d.getString("status")) && closing instanceof Date date && !date.after(new Date())) {
            v.put("status", "closed");
        }
        return v;
    }

    private static void apply(Document d, JobInput in) {
        if (in.title() != null) {
            d.put("title", Blogs.nonEmpty(Markdown.text(in.title()), "title"));
        }
        if (in.department() != null) {
            d.put("department", Blogs.nonEmpty(Markdown.text(in.department()), "department"));
        }
        if (in.location() != null) {
            d.put("location", Blogs.nonEmpty(Markdown.text(in.location()), "location"));
        }
        if (in.type() != null) {
            d.put("type", in.type());
        }
        if (in.description() != null) {
            d.put("description", in.description());
            d.put("descriptionHtml", Markdown.html(in.description()));
        }
        if (in.requirements() != null) {
            d.put("requirements", Markdown.texts(in.requirements()));
        }
        if (in.responsibilities() != null) {
            d.put("responsibilities", Markdown.texts(in.responsibilities()));
        }
        if (in.benefits() != null) {
            d.put("benefits", Markdown.texts(in.benefits()));
        }
        if (in.salary() != null) {
            if (in.salary().min().compareTo(in.salary().max()) > 0) {
                throw Docs.invalid("salary", "min must not exceed max");
            }
            d.put("salary", new Document("min", in.salary().min().doubleValue()).append("max", in.salary().max().doubleValue())
                    .append("currency", in.salary().currency().toUpperCase(Locale.ROOT)));
        }
        if (in.closingDate() != null) {
            d.put("closingDate", in.closingDate().isBlank() ? null : Date.from(parseDate(in.closingDate())));
        }
        if (in.status() != null) {
            d.put("status", in.status());
        }
    }

    private static Instant parseDate(String value) {
        try {
            return value.length() <= 10 ? LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Docs.invalid("closingDate", "must be a date (2030-01-31) or an ISO-8601 instant");
        }
    }

    public static Bson byId(String id) {
        return Filters.eq("_id", id);
    }

    static Bson notClosed() {
        return not(eq("status", "closed"));
    }
}
