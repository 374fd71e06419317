package io.newsflow.ingest.api;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.model.NewsJson;
import io.newsflow.pagefiles.NotTextException;
import io.newsflow.pagefiles.PageDecoder;
import io.newsflow.pagefiles.PageFile;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/pages}: the same as dropping a file into the inbox, for clients that cannot write to the folder.
 * The page is checked at once (size, text) and written durably into the inbox before the 202 answer; from there it
 * takes the folder's way, with the issue date in a sidecar.
 */
@Path("/api/pages")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PageUploadResource {
    private final IngestConfig config;
    private final PageDecoder decoder = new PageDecoder();

    public PageUploadResource(IngestConfig config) {
        this.config = config;
    }

    /** Raw page text as the body; {@code issueDate} (yyyy-MM-dd) as query parameter. */
    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Response uploadText(byte[] body, @QueryParam("issueDate") String issueDate) throws IOException {
        return accept(body, issueDate);
    }

    /** A multipart form with the page as part {@code file} and an optional {@code issueDate} field. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@RestForm("file") FileUpload file, @RestForm("issueDate") String issueDate) throws IOException {
        if (file == null) {
            return error(Response.Status.BAD_REQUEST, "the form has no part named 'file'");
        }
        return accept(Files.readAllBytes(file.uploadedFile()), issueDate);
    }

    private Response accept(byte[] bytes, String issueDate) throws IOException {
        if (bytes.length > config.maxFileSize().asLongValue()) {
            return error(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the page has " + bytes.length + " bytes, more than the maximum of " + config.maxFileSize().asLongValue());
        }
        LocalDate date = null;
        if (issueDate != null && !issueDate.isBlank()) {
            try {
                date = LocalDate.parse(issueDate.strip());
            } catch (DateTimeException e) {
                return error(Response.Status.BAD_REQUEST, "issueDate must be yyyy-MM-dd, was '" + issueDate + "'");
            }
        }
        try {
            decoder.decode(bytes);
        } catch (NotTextException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        String sha256 = PageFile.sha256(bytes);
        String name = "upload-" + lettersOnly(sha256.substring(0, 16));
        java.nio.file.Path inbox = config.inbox();
        if (date != null) {
            Files.write(inbox.resolve(name + ".json"), NewsJson.mapper().writeValueAsBytes(Map.of("issueDate", date.toString())));
        }
        // written under a hidden name, then renamed: the watcher never sees half a page
        java.nio.file.Path partial = inbox.resolve("." + name + "-" + UUID.randomUUID() + ".part");
        Files.write(partial, bytes);
        Files.move(partial, inbox.resolve(name + ".txt"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Response.accepted(Map.of("id", sha256, "fileName", name + ".txt", "status", "accepted")).build();
    }

    /** Hex digits as letters (0→g … 9→p), so that no digits in the name can be read as an issue date. */
    private static String lettersOnly(String hex) {
        StringBuilder name = new StringBuilder(hex.length());
        for (char c : hex.toCharArray()) {
            name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return name.toString();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", status.getStatusCode(), "error", message)).build();
    }
}
