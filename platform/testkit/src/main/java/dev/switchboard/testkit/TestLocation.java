package dev.switchboard.testkit;

/**
 * A location of its own for one test class, created through the API on the shared platform, so test
 * classes never see each other's contacts, workflows or runs and can run in any order. Get one as a
 * parameter with {@link PlatformExtension}:
 *
 * <pre>{@code
 * @ExtendWith(PlatformExtension.class)
 * class ContactsApiIT {
 *     @Test
 *     void createsAContact(TestLocation location) {
 *         ApiClient.Response created = location.api().postJson(location.path("contacts"), Map.of("firstName", "Ada"));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * @param api a client signed in as the platform's admin
 * @param id the location's id
 * @param name the location's name: the test class's simple name
 */
public record TestLocation(ApiClient api, String id, String name) {

    /** {@code locations/<id>/<relative>}, for the API client. */
    public String path(String relative) {
        return "locations/" + id + "/" + relative;
    }
}
