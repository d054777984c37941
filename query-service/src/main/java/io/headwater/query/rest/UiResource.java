package io.headwater.query.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The web UI's shell: every {@code /ui/...} address answers the same page, which reads the address and asks the
 * API for what it shows, so that any page can be pasted into a ticket, reloaded and navigated back to. The shell
 * holds no data, so it needs no principal; every answer it shows comes from the API with the reader's key.
 */
@PermitAll
@Path("/")
public class UiResource {

    /** Scripts and styles from this origin only; no inline script, no framing (clickjacking). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final byte[] shell = read();

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/ui/")).build();
    }

    @GET
    @Path("/ui")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response ui() {
        return page();
    }

    @GET
    @Path("/ui/{page: .*}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response ui(@PathParam("page") String page) {
        return page();
    }

    private Response page() {
        return Response.ok(shell, MediaType.TEXT_HTML + ";charset=utf-8").header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin").build();
    }

    private static byte[] read() {
        try (InputStream in = UiResource.class.getResourceAsStream("/ui/index.html")) {
            if (in == null) {
                throw new IllegalStateException("ui/index.html is missing from the query-service jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
