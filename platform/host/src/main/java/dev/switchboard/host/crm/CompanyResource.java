package dev.switchboard.host.crm;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.companies.Companies;
import dev.switchboard.core.crm.companies.Company;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.Ids;
import dev.switchboard.host.JsonBodies;
import dev.switchboard.host.Paging;
import dev.switchboard.host.auth.Requires;
import dev.switchboard.host.contacts.ContactResource.ContactPage;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Companies of a location. */
@Requires(Permission.LOCATION_READ)
@Path("/locations/{locationId}/companies")
@Tag(name = "Companies", description = "Businesses a location's contacts work for")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompanyResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Companies companies;

    @Inject
    TenantScope tenant;

    /** A page of companies. */
    @Schema(name = "CompanyPage")
    public record CompanyPage(List<Company> items,
                              @Schema(description = "Pass as cursor for the next page; absent on the last page")
                              String nextCursor) {
    }

    @POST
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "createCompany", summary = "Create a company",
            description = "The phone is normalised to E.164 (a number without a + belongs to the location's country),"
                    + " the domain to its host name in lower case.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Company.class),
            examples = @ExampleObject(name = "company", value = """
                    {"name": "Analytical Engines Ltd", "domain": "Engines.example", "phone": "+44 20 7946 0958",
                     "email": "hello@engines.example", "city": "London", "country": "GB"}""")))
    @APIResponse(responseCode = "201", description = "The new company; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Company.class)))
    public Response create(JsonValue body, @Context UriInfo uri) {
        Company company = companies.create(tenant.locationId(), JsonBodies.object(body));
        return Response.created(uri.getAbsolutePathBuilder().path(company.id().toString()).build()).entity(company).build();
    }

    @GET
    @Operation(operationId = "listCompanies", summary = "The location's companies by name",
            description = "Keyset paging: pass the answer's nextCursor as cursor for the next page.")
    public CompanyPage list(@Parameter(description = "The start of the name (any case)") @QueryParam("query") String query,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Page<Company> page = companies.list(tenant.locationId(), query, Paging.limit(limit), cursor);
        return new CompanyPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("{companyId}")
    @Operation(operationId = "getCompany", summary = "A company")
    public Company get(@PathParam("companyId") String companyId) {
        return companies.find(tenant.locationId(), Ids.parse(companyId, "company"))
                .orElseThrow(() -> ProblemException.notFound("company " + companyId));
    }

    @PATCH
    @Path("{companyId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "updateCompany", summary = "Change a company by JSON merge patch (RFC 7396)",
            description = "Members given are set, null clears them, absent ones stay; customFields merges by key.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = Company.class),
            examples = @ExampleObject(name = "patch", value = "{\"website\": \"https://engines.example\","
                    + " \"customFields\": {\"employees\": 45}}")))
    public Company update(@PathParam("companyId") String companyId, JsonValue patch) {
        return companies.patch(tenant.locationId(), Ids.parse(companyId, "company"), JsonBodies.object(patch));
    }

    @DELETE
    @Path("{companyId}")
    @Requires(Permission.LOCATION_CONTACTS)
    @Operation(operationId = "deleteCompany", summary = "Delete a company",
            description = "Its contacts lose their companyId and keep their companyName.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("companyId") String companyId) {
        companies.delete(tenant.locationId(), Ids.parse(companyId, "company"), Actor.user(tenant.user().id()));
        return Response.noContent().build();
    }

    @GET
    @Path("{companyId}/contacts")
    @Operation(operationId = "listCompanyContacts", summary = "The contacts linked to a company, by name")
    public ContactPage contacts(@PathParam("companyId") String companyId, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        Page<Contact> page = companies.contactsOf(tenant.locationId(), Ids.parse(companyId, "company"),
                Paging.limit(limit), cursor);
        return new ContactPage(page.items(), page.nextCursor());
    }
}
