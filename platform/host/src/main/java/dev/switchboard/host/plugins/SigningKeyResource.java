package dev.switchboard.host.plugins;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.plugins.trust.Certificates;
import dev.switchboard.core.plugins.trust.SigningKeys;
import dev.switchboard.core.plugins.trust.SigningKeys.SigningKey;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The certificates the operator trusts to sign plugin artifacts: a plugin installs only if one of
 * them signed it (docs/security.md, "Plugin trust"). Operator only, reading included: which
 * publishers the platform trusts is the operator's business.
 */
@Requires(Permission.PLATFORM_PLUGINS)
@Path("/platform/signing-keys")
@Tag(name = "Plugins", description = "The platform's plugins")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    private static final String PEM_FILE = "application/x-pem-file";

    @Inject
    SigningKeys keys;

    @Inject
    TenantScope scope;

    @GET
    @Operation(operationId = "listSigningKeys", summary = "The certificates trusted to sign plugins (operator)")
    public List<SigningKey> list() {
        return keys.list();
    }

    /** Send the certificate as PEM text; {@code name} is what the list calls it (the certificate's common name by default). */
    @POST
    @Consumes({PEM_FILE, MediaType.TEXT_PLAIN})
    @Operation(operationId = "addSigningKey", summary = "Trust a certificate to sign plugins (operator)")
    @APIResponse(responseCode = "201", description = "The certificate, trusted from now on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SigningKey.class)))
    @APIResponse(responseCode = "409", description = "The certificate is trusted already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KB",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response add(@Parameter(description = "What to call the key; by default the certificate's common name")
                        @QueryParam("name") String name,
                        @RequestBody(required = true, description = "One X.509 certificate, PEM "
                                + "(-----BEGIN CERTIFICATE----- …)", content = {
                                @Content(mediaType = PEM_FILE, schema = @Schema(type = SchemaType.STRING)),
                                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
                        InputStream body) {
        SigningKey added = keys.add(name, readLimited(body), scope.user().id());
        return Response.status(201).entity(added).build();
    }

    /** New uploads signed with the key are refused from now on; installed plugins keep running. */
    @DELETE
    @Path("{keyId}")
    @Operation(operationId = "removeSigningKey", summary = "Stop trusting a certificate (operator)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("keyId") String keyId) {
        keys.remove(Ids.parse(keyId, "signing key"));
        return Response.noContent().build();
    }

    private static String readLimited(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(Certificates.MAX_PEM_CHARS + 1);
            if (bytes.length > Certificates.MAX_PEM_CHARS) {
                throw ProblemException.tooLarge("the certificate is larger than " + Certificates.MAX_PEM_CHARS / 1024
                        + " KB");
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the certificate failed", e);
        }
    }
}
