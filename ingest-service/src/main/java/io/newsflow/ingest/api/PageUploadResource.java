package io.newsflow.ingest.api;

import io.newsflow.ingest.budget.ByteBudget;
import io.newsflow.ingest.budget.PageMemory;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.logging.LogSafe;
import io.newsflow.ingest.process.FileIngestor;
import io.newsflow.ingest.process.IngestMetrics;
import io.newsflow.model.NewsJson;
import io.newsflow.pagefiles.IssueDateResolver;
import io.newsflow.pagefiles.NotTextException;
import io.newsflow.pagefiles.PageDecoder;
import io.newsflow.pagefiles.PageFile;
import io.newsflow.pagefiles.RegularFiles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/pages}: the same as dropping a file into the inbox, for clients that cannot write to the folder.
 * The body is streamed to disk (never held whole in memory while it arrives), checked (size, text, issue date) and
 * written durably into the inbox before the 202 answer: synced, then renamed in, so a 202 page survives a crash.
 * From there it takes the folder's way, with the issue date (and the client's file name, as a note) in a sidecar.
 * <p>
 * Pages being checked share the service's memory budget ({@code bytes-in-flight}): an upload that finds it full is
 * answered 503 with {@code Retry-After} (the page is fine, the service is busy: the client should send it again),
 * one larger than {@code max-file-size} 413. The client's file name is never used as a path: the page is stored as
 * {@code upload-<content hash>.txt}.
 * <p>
 * Uploading needs role {@code ingest} (HTTP Basic); dropping a file into the folder needs only the right to write there.
 */
@Path("/api/pages")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed("ingest")
public class PageUploadResource {
    private static final Logger LOG = Logger.getLogger(PageUploadResource.class);
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final int INBOX_RETRY_AFTER_SECONDS = 30;
    /** The client's file name kept as a note: enough for any real name, never a large sidecar. */
    private static final int MAX_ORIGINAL_NAME_CHARS = 1024;

    private final IngestConfig config;
    private final PageMemory memory;
    private final IngestMetrics metrics;
    private final PageDecoder decoder = new PageDecoder();
    private final IssueDateResolver dates;

    public PageUploadResource(IngestConfig config, PageMemory memory, IngestMetrics metrics) {
        this.config = config;
        this.memory = memory;
        this.metrics = metrics;
        this.dates = new IssueDateResolver(FileIngestor.issueDateRange(config));
    }

    /** Raw page text as the body; {@code issueDate} (yyyy-MM-dd) as query parameter. */
    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Response uploadText(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                               @Context UriInfo uri) throws IOException {
        // read from the query itself: @QueryParam gives an empty value as null, like an absent one
        String issueDate = uri.getQueryParameters().getFirst("issueDate");
        return accept(body, contentLength == null ? -1 : contentLength, issueDate, null);
    }

    /** A multipart form with the page as part {@code file} and an optional {@code issueDate} field. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@RestForm("file") FileUpload file, MultipartFormDataInput form) throws IOException {
        // read from the form itself: @RestForm gives an empty field as null, like an absent one
        String issueDate = Optional.ofNullable(form.getValues().get("issueDate")).flatMap(values -> values.stream().findFirst())
                .map(FormValue::getValue).orElse(null);
        if (file == null) {
            return error(Response.Status.BAD_REQUEST, "the form has no part named 'file'");
        }
        // the part is already on disk (the HTTP layer streams form files there)
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return accept(in, file.size(), issueDate, file.fileName());
        }
    }

    private Response accept(InputStream body, long declaredSize, String issueDateParameter, String originalName) throws IOException {
        long maxBytes = config.maxFileSize().asLongValue();
        Optional<LocalDate> issueDate;
        try {
            issueDate = issueDate(issueDateParameter);
        } catch (NotTextException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (declaredSize > maxBytes) {
            return tooLarge(declaredSize + " bytes", maxBytes);
        }
        if (!Files.isDirectory(config.inbox())) {
            metrics.uploadRefused("inbox");
            // the path is the server's business: readiness (inbox-scan) names it
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, INBOX_RETRY_AFTER_SECONDS)
                    .entity(Map.of("status", 503, "error", "the inbox is not a folder now, so no page can be taken; "
                            + "send the page again once the service is ready")).build();
        }
        Optional<ByteBudget.Permit> permit = memory.tryAcquire(declaredSize >= 0 ? declaredSize : maxBytes);
        if (permit.isEmpty()) {
            metrics.uploadRefused("busy");
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .entity(Map.of("status", 503, "error", "the service is checking as many pages as its memory allows; "
                            + "send the page again in " + RETRY_AFTER_SECONDS + " s")).build();
        }
        java.nio.file.Path inbox = config.inbox();
        // hidden names: the inbox scan never takes them, whatever state they are in
        java.nio.file.Path partial = inbox.resolve(".upload-" + UUID.randomUUID() + ".part");
        java.nio.file.Path partialSidecar = inbox.resolve(".upload-" + UUID.randomUUID() + ".json.part");
        try (ByteBudget.Permit held = permit.get()) {
            if (copyAtMost(body, partial, maxBytes) > maxBytes) {
                return tooLarge("more than " + maxBytes + " bytes", maxBytes);
            }
            byte[] bytes = RegularFiles.read(partial, maxBytes);
            decoder.decode(bytes);
            String sha256 = PageFile.sha256(bytes);
            String name = "upload-" + lettersOnly(sha256.substring(0, 16));
            Map<String, String> notes = new LinkedHashMap<>();
            issueDate.ifPresent(date -> notes.put("issueDate", date.toString()));
            Optional.ofNullable(originalName).filter(n -> !n.isBlank())
                    .ifPresent(n -> notes.put("originalName", n.length() <= MAX_ORIGINAL_NAME_CHARS ? n : n.substring(0, MAX_ORIGINAL_NAME_CHARS)));
            if (!notes.isEmpty()) {
                // the sidecar is in place before its page appears, so the page is never taken without it
                Files.write(partialSidecar, NewsJson.mapper().writeValueAsBytes(notes));
                renameInDurably(partialSidecar, inbox.resolve(name + ".json"));
            }
            renameInDurably(partial, inbox.resolve(name + ".txt"));
            LOG.infof("upload=\"%s\" outcome=accepted page=%s bytes=%d file=%s.txt", LogSafe.text(originalName == null ? "" : originalName),
                    sha256, bytes.length, name);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", sha256);
            answer.put("fileName", name + ".txt");
            answer.put("status", "accepted");
            if (notes.containsKey("originalName")) {
                answer.put("originalName", notes.get("originalName"));
            }
            return Response.accepted(answer).build();
        } catch (NotTextException e) {
            return error(e.reason() == NotTextException.Reason.TOO_LARGE ? Response.Status.REQUEST_ENTITY_TOO_LARGE
                    : Response.Status.BAD_REQUEST, e.getMessage());
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(partialSidecar);
        }
    }

    /**
     * The {@code issueDate} parameter or form field: absent is no date (the page then takes the folder's rules); an
     * empty one is refused, since it is a client that meant to say a date and did not, and dating the page by the
     * upload instead would be silently wrong.
     */
    private Optional<LocalDate> issueDate(String parameter) throws NotTextException {
        if (parameter == null) {
            return Optional.empty();
        }
        if (parameter.isBlank()) {
            throw new NotTextException(NotTextException.Reason.ISSUE_DATE, "issue date",
                    "issueDate is empty: give the issue date as yyyy-MM-dd, or leave issueDate out");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parameter.strip());
        } catch (DateTimeException e) {
            String shown = parameter.length() <= 40 ? parameter : parameter.substring(0, 40) + "…";
            throw new NotTextException(NotTextException.Reason.ISSUE_DATE, "issue date", "issueDate must be yyyy-MM-dd, was '" + shown + "'");
        }
        return Optional.of(dates.given(date, "the issueDate parameter").date());
    }

    /** Copies at most {@code maxBytes + 1} bytes (one more tells the body was too large) and syncs them to disk. */
    private static long copyAtMost(InputStream in, java.nio.file.Path target, long maxBytes) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            int read;
            while (copied <= maxBytes && (read = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - copied))) >= 0) {
                out.write(buffer, 0, read);
                copied += read;
            }
            channel.force(true);
        }
        return copied;
    }

    /** Syncs the file, renames it into place atomically and syncs the folder, so the rename itself survives a crash. */
    private static void renameInDurably(java.nio.file.Path file, java.nio.file.Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    /** Hex digits as letters (0→g … 9→p), so that no digits in the name can be read as an issue date. */
    private static String lettersOnly(String hex) {
        StringBuilder name = new StringBuilder(hex.length());
        for (char c : hex.toCharArray()) {
            name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return name.toString();
    }

    private Response tooLarge(String size, long maxBytes) {
        return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the page has " + size + ", more than the maximum of " + maxBytes);
    }

    private Response error(Response.Status status, String message) {
        metrics.uploadRefused(Integer.toString(status.getStatusCode()));
        return ErrorAnswers.json(status.getStatusCode(), message);
    }
}
